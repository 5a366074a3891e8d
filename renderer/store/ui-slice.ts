import type { SliceCreator } from './app-state';

export interface DisplayError {
  code?: string;
  message: string;
}

export interface UiSlice {
  /** The error shown in the banner; null when there is none. */
  error: DisplayError | null;
  showError(error: unknown): void;
  dismissError(): void;
}

export function toDisplayError(error: unknown): DisplayError {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : undefined, message: error.message };
  }
  return { message: String(error) };
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  error: null,
  showError: (error) => set({ error: toDisplayError(error) }),
  dismissError: () => set({ error: null }),
});
