import { useMemo } from 'react';
import type { PipelineFile, PipelineParam, Schedule } from '../../node-library/contract';
import { useAppStore } from '../store/app-store';

export interface PipelineUpdates {
  setName(name: string): void;
  setDescription(description: string): void;
  /** Declares, changes (`param`) or removes (`null`) a run parameter. */
  setRunParam(name: string, param: PipelineParam | null): void;
  /** Sets or (undefined) removes the schedule; typing in one field makes one undo step. */
  setSchedule(schedule: Schedule | undefined, field: string): void;
  /** Declares, changes (`spec`) or removes (`null`) an npm package the code nodes may import. */
  setDependency(name: string, spec: string | null): void;
}

/** The inspector's edits of the pipeline itself. Typing in one field makes one undo step. */
export function useUpdatePipeline(): PipelineUpdates {
  return useMemo(() => {
    const edit = (field: string, change: (p: PipelineFile) => PipelineFile) => useAppStore.getState().edit(change, { coalesce: `pipeline:${field}` });
    return {
      setSchedule: (schedule, field) =>
        edit(`schedule:${field}`, (p) => {
          if (schedule) return { ...p, schedule };
          const { schedule: _removed, ...rest } = p;
          return rest;
        }),
      setDependency: (name, spec) =>
        edit(`dependency:${name}`, (p) => {
          const { [name]: current, ...others } = p.dependencies ?? {};
          if (current === (spec ?? undefined)) return p;
          const dependencies = spec === null ? others : { ...others, [name]: spec };
          if (Object.keys(dependencies).length > 0) return { ...p, dependencies };
          const { dependencies: _removed, ...rest } = p;
          return rest;
        }),
      setName: (name) => edit('name', (p) => (p.name === name ? p : { ...p, name })),
      setDescription: (description) => edit('description', (p) => (p.description === description ? p : { ...p, description })),
      setRunParam: (name, param) =>
        edit(`param:${name}`, (p) => {
          if (param === null) {
            if (!(name in p.params)) return p;
            const { [name]: _removed, ...params } = p.params;
            return { ...p, params };
          }
          return { ...p, params: { ...p.params, [name]: param } };
        }),
    };
  }, []);
}
