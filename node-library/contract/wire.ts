import type { ApiMethod } from './api';
import type { ErrorInfo } from './errors';
import type { InstallEvent } from './dependencies';
import type { RunEvent } from './events';

/** Messages on the serve-mode WebSocket. */
export interface WireRequest {
  id: number;
  method: ApiMethod;
  args: unknown[];
}

export type WireResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: ErrorInfo };

/** Run events in order, several per message (see node-library/backend/event-batches.ts). */
export interface WireEvents {
  events: RunEvent[];
}

/** Progress of a package install, one per message (a few hundred lines at most). */
export interface WireInstallEvent {
  install: InstallEvent;
}

export type WireServerMessage = WireResponse | WireEvents | WireInstallEvent;
