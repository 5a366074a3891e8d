import { useEffect, useState } from 'react';
import type { Schedule, SchedulePreview } from '../../node-library/contract';
import { api } from '../api/client';

/** The backend's reading of a draft schedule, refreshed shortly after each change. */
export function useSchedulePreview(schedule: Schedule | undefined): SchedulePreview | undefined {
  const [preview, setPreview] = useState<SchedulePreview>();
  const key = JSON.stringify(schedule ?? null);
  useEffect(() => {
    if (!schedule) return setPreview(undefined);
    let current = true;
    const timer = setTimeout(() => {
      api.previewSchedule(schedule).then(
        (result) => current && setPreview(result),
        (error: Error) => current && setPreview({ ok: false, problem: error.message }),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The key stands for the schedule's content.
  }, [key]);
  return preview;
}
