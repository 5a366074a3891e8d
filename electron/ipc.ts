import { apiChannels, apiMethods, toErrorInfo, type ErrorInfo, type PipewrightApi } from '../node-library/contract';
import { dispatch } from '../node-library/backend/dispatch';

/** What ipc.ts needs of Electron's ipcMain; a fake stands in for it in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}
export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}

/** Every reply is an envelope, so a typed error crosses IPC intact. */
export type IpcReply = { ok: true; result: unknown } | { ok: false; error: ErrorInfo };

/**
 * Registers one handler per contract method against the same backend object
 * serve mode uses. Each checks the sender frame, then the arguments.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, backend: PipewrightApi, isTrustedFrame: (url: string) => boolean): void {
  for (const method of apiMethods) {
    ipcMain.handle(apiChannels[method], async (event, ...args): Promise<IpcReply> => {
      try {
        // A destroyed frame throws on access; treat anything but a string URL as unknown.
        const url = typeof event?.senderFrame?.url === 'string' ? event.senderFrame.url : '';
        if (!isTrustedFrame(url)) {
          return { ok: false, error: { code: 'E_API_003', message: `refused ${method} from ${url || 'an unknown frame'}` } };
        }
        return { ok: true, result: await dispatch(backend, method, args) };
      } catch (error) {
        return { ok: false, error: toErrorInfo(error) };
      }
    });
  }
}
