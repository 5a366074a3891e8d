import type { IpcMainLike } from './ipc';

/** The one shell-only call: the OS folder picker, for the export form. Serve mode has none; its form takes a typed path. */
export const pickFolderChannel = 'shell:pickFolder';

export type ShowFolderDialog = () => Promise<{ canceled: boolean; filePaths: string[] }>;

/** Answers with the chosen folder, or null when the user cancelled or the request came from another frame. */
export function registerFolderPicker(ipcMain: IpcMainLike, showDialog: ShowFolderDialog, isTrustedFrame: (url: string) => boolean): void {
  ipcMain.handle(pickFolderChannel, async (event) => {
    if (!isTrustedFrame(event.senderFrame?.url ?? '')) return null;
    const { canceled, filePaths } = await showDialog();
    return canceled ? null : (filePaths[0] ?? null);
  });
}
