import type { PipewrightApi } from '../../node-library/contract';
import { useAppStore } from '../store/app-store';
import { api } from './client';

/**
 * The one subscriber that feeds run events into the store. Call it once at
 * start-up; it returns the unsubscribe function.
 */
export function subscribeRunEvents(source: Pick<PipewrightApi, 'onRunEvent'> = api, store = useAppStore): () => void {
  return source.onRunEvent((event) => store.getState().applyRunEvent(event));
}
