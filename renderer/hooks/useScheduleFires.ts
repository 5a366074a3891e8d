import type { ScheduleFire, ScheduleSummary } from '../../node-library/contract';
import { api } from '../api/client';
import { usePolled } from './usePolled';

/** The pipeline's recent scheduled fires, newest first, kept fresh. */
export function useScheduleFires(pipelineId: string): ScheduleFire[] | undefined {
  return usePolled(() => api.listScheduleFires({ pipelineId, limit: 50 }), 2_000, pipelineId);
}

/** Every scheduled pipeline with its next fire, kept fresh. */
export function useSchedules(): ScheduleSummary[] | undefined {
  return usePolled(() => api.listSchedules(), 3_000, 'all');
}
