import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultSize, loadWindowState, restoredBounds, saveWindowState } from '../../../electron/window-state';
import { pipelineFileFromArgv } from '../../../electron/open-files';
import { tempDir } from '../helpers';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('window state', () => {
  it('reopens where it was when that place is still on a display', () => {
    const bounds = { x: 1600, y: 100, width: 1600, height: 1000 };
    expect(restoredBounds({ bounds }, [laptop, external])).toEqual(bounds);
  });

  it('falls back to the default size when the display it was on is gone, or nothing was saved', () => {
    expect(restoredBounds({ bounds: { x: 1600, y: 100, width: 1600, height: 1000 } }, [laptop])).toEqual(defaultSize);
    expect(restoredBounds(undefined, [laptop])).toEqual(defaultSize);
    expect(restoredBounds({ bounds: { x: NaN, y: 0, width: 1, height: 1 } }, [laptop])).toEqual(defaultSize);
  });

  it('shrinks and moves a window that no longer fits, keeping the title bar reachable', () => {
    expect(restoredBounds({ bounds: { x: -100, y: 10, width: 3000, height: 2000 } }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('saves and loads; a missing or corrupt file means no saved state', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'window-state.json');
    expect(await loadWindowState(file)).toBeUndefined();
    await saveWindowState(file, { bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: true });
    expect(await loadWindowState(file)).toEqual({ bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: true });
    await writeFile(file, '{not json');
    expect(await loadWindowState(file)).toBeUndefined();
  });
});

describe('files passed on the command line', () => {
  it('finds the pipeline file a second instance was asked to open', () => {
    expect(pipelineFileFromArgv(['/opt/Pipewright/pipewright', '--no-sandbox', 'work/orders.pipeline.json'], '/home/ada')).toBe('/home/ada/work/orders.pipeline.json');
    expect(pipelineFileFromArgv(['pipewright', '/data/x.pipewright.json'], '/')).toBe('/data/x.pipewright.json');
    expect(pipelineFileFromArgv(['pipewright', '--flag=a.pipeline.json', 'notes.json'], '/')).toBeUndefined();
    expect(pipelineFileFromArgv(['a.pipeline.json'], '/')).toBeUndefined();
  });
});
