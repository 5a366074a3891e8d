import { QuickAdd } from '../canvas/QuickAdd';
import type { Command } from '../commands/command';
import { CommandPalette } from '../commands/CommandPalette';
import { ShortcutSheet } from '../commands/ShortcutSheet';
import { ExportDialog } from '../pipelines/ExportDialog';
import { RunParamsDialog } from '../runs/RunParamsDialog';
import { SecretsDialog } from '../secrets/SecretsDialog';
import { useAppStore } from '../store/app-store';
import { selectOverlay } from '../store/selectors';
import { AppDialog } from './AppDialog';

/** Whatever floats above the app: quick add, the command palette, the shortcut sheet, the run-parameters form, the export form, the secrets view, the dialog. */
export function Overlays({ commands }: { commands: Command[] }) {
  const overlay = useAppStore(selectOverlay);
  return (
    <>
      {overlay?.kind === 'quickAdd' && <QuickAdd state={overlay.quickAdd} />}
      {overlay?.kind === 'commands' && <CommandPalette commands={commands} />}
      {overlay?.kind === 'shortcuts' && <ShortcutSheet commands={commands} />}
      {overlay?.kind === 'runParams' && <RunParamsDialog key={overlay.form.pipelineId} form={overlay.form} />}
      {overlay?.kind === 'export' && <ExportDialog key={overlay.pipelineId} pipelineId={overlay.pipelineId} />}
      {overlay?.kind === 'secrets' && <SecretsDialog />}
      <AppDialog />
    </>
  );
}
