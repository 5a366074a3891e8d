import { useAppStore } from './app-store';
import type { Dialog } from './ui-slice';

export type Answer = { action: string; text: string } | null;

/** Shows the app's dialog and resolves with the user's answer (null when dismissed). */
export function askUser(dialog: Omit<Dialog, 'resolve'>): Promise<Answer> {
  const { dialog: open, setDialog } = useAppStore.getState();
  open?.resolve(null);
  return new Promise((resolve) => {
    setDialog({
      ...dialog,
      resolve: (answer) => {
        useAppStore.getState().setDialog(null);
        resolve(answer);
      },
    });
  });
}
