import type { ParamValue, PipelineParam } from '../../node-library/contract';
import type { SliceCreator } from './app-state';
import type { XY } from './pipeline-slice';

export interface DisplayError {
  code?: string;
  message: string;
}

/** A question the user answers in the app's dialog; `resolve` gets the chosen action id, or null. */
export interface Dialog {
  title: string;
  message?: string;
  /** Asks for a line of text as well (a new pipeline's name); the answer carries it. */
  input?: { label: string; value: string };
  actions: { id: string; label: string; kind?: 'primary' | 'danger' }[];
  resolve(answer: { action: string; text: string } | null): void;
}

/** The quick-add list: where it opens, and the port a dropped wire came from. */
export interface QuickAdd {
  screen: XY;
  flow: XY;
  from?: { nodeId: string; portId: string; side: 'source' | 'target' };
}

/** The run-parameters form shown before running a pipeline that declares params. */
export interface RunParamsForm {
  pipelineId: string;
  params: Record<string, PipelineParam>;
  /** What the fields start with: the last values used for this pipeline, else the defaults. */
  initial: Record<string, ParamValue>;
  /** The backend's refusal (E_PARAM_001), shown in the form. */
  error: string | null;
  submitting: boolean;
}

export type Overlay =
  | { kind: 'quickAdd'; quickAdd: QuickAdd }
  | { kind: 'commands' }
  | { kind: 'shortcuts' }
  | { kind: 'runParams'; form: RunParamsForm }
  | { kind: 'export'; pipelineId: string }
  | { kind: 'secrets' }
  | null;
export type ThemePreference = 'system' | 'light' | 'dark';
/** The side and bottom panels, each of which can be folded away to give the canvas room. */
export type PanelName = 'sidebar' | 'inspector' | 'bottom';
export type CollapsedPanels = Record<PanelName, boolean>;

export interface UiSlice {
  /** The error shown in the banner; null when there is none. */
  error: DisplayError | null;
  dialog: Dialog | null;
  overlay: Overlay;
  theme: ThemePreference;
  snapToGrid: boolean;
  /** The inspector field a problem asked to focus, e.g. `param:condition`. */
  focusField: { nodeId: string; field: string; at: number } | null;
  /** Panels folded away; remembered across sessions. */
  collapsedPanels: CollapsedPanels;
  /** The sticky note whose Markdown is open for typing, if one is. */
  editingNoteId: string | null;
  /** Run parameters last used per pipeline id, for this session. */
  lastRunParams: Record<string, Record<string, ParamValue>>;
  showError(error: unknown): void;
  dismissError(): void;
  setDialog(dialog: Dialog | null): void;
  setOverlay(overlay: Overlay): void;
  setTheme(theme: ThemePreference): void;
  setSnapToGrid(on: boolean): void;
  requestFocus(nodeId: string, field: string): void;
  /** Updates the open run-parameters form; no change when it is not open. */
  updateRunParamsForm(change: Partial<Pick<RunParamsForm, 'error' | 'submitting'>>): void;
  rememberRunParams(pipelineId: string, values: Record<string, ParamValue>): void;
  setEditingNote(id: string | null): void;
  togglePanel(panel: PanelName): void;
}

/** An Error, or a plain `{ code?, message }`, as the banner shows it. */
export function toDisplayError(error: unknown): DisplayError {
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : undefined, message: (error as { message: string }).message };
  }
  return { message: String(error) };
}

const stored = (key: string) => (typeof localStorage === 'undefined' ? null : localStorage.getItem(key));
const storedTheme = stored('pipewright.theme');

function storedPanels(): CollapsedPanels {
  const none: CollapsedPanels = { sidebar: false, inspector: false, bottom: false };
  try {
    const saved = JSON.parse(stored('pipewright.collapsedPanels') ?? '{}') as Partial<CollapsedPanels>;
    return { sidebar: saved.sidebar === true, inspector: saved.inspector === true, bottom: saved.bottom === true };
  } catch {
    return none;
  }
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  error: null,
  dialog: null,
  overlay: null,
  theme: storedTheme === 'light' || storedTheme === 'dark' ? storedTheme : 'system',
  snapToGrid: stored('pipewright.snapToGrid') !== 'false',
  focusField: null,
  lastRunParams: {},
  editingNoteId: null,
  collapsedPanels: storedPanels(),
  showError: (error) => set({ error: toDisplayError(error) }),
  dismissError: () => set({ error: null }),
  setDialog: (dialog) => set({ dialog }),
  setOverlay: (overlay) => set({ overlay }),
  setTheme: (theme) => {
    localStorage.setItem('pipewright.theme', theme);
    set({ theme });
  },
  setSnapToGrid: (snapToGrid) => {
    localStorage.setItem('pipewright.snapToGrid', String(snapToGrid));
    set({ snapToGrid });
  },
  requestFocus: (nodeId, field) => set({ focusField: { nodeId, field, at: Date.now() } }),
  updateRunParamsForm: (change) =>
    set((s) => (s.overlay?.kind === 'runParams' ? { overlay: { kind: 'runParams', form: { ...s.overlay.form, ...change } } } : {})),
  rememberRunParams: (pipelineId, values) => set((s) => ({ lastRunParams: { ...s.lastRunParams, [pipelineId]: values } })),
  setEditingNote: (editingNoteId) => set({ editingNoteId }),
  togglePanel: (panel) =>
    set((s) => {
      const collapsedPanels = { ...s.collapsedPanels, [panel]: !s.collapsedPanels[panel] };
      localStorage.setItem('pipewright.collapsedPanels', JSON.stringify(collapsedPanels));
      return { collapsedPanels };
    }),
});
