import type { PipewrightApi } from '../../node-library/contract';
import { apiSocketUrl, createWsClient } from './ws-client';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in serve mode (a plain browser). */
    pipewright?: PipewrightApi;
  }
}

/** The backend: the preload's bridge inside Electron, else serve mode's WebSocket. */
export const api: PipewrightApi = window.pipewright ?? createWsClient(apiSocketUrl(window.location));
