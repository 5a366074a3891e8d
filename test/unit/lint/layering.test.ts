import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers';

const eslint = new ESLint({ cwd: repoRoot });

/** Lints one line as if it were written in the given file, returning the rule ids hit. */
async function rulesHit(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath: `${repoRoot}/${filePath}` });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('the layering lint rule', () => {
  it.each([
    ['node-library/engine/bad.ts', "import x from 'electron';"],
    ['node-library/engine/bad.ts', "import x from 'react';"],
    ['node-library/engine/bad.ts', "import x from '../../renderer/app/App';"],
    ['node-library/contract/bad.ts', "import x from 'node:fs';"],
    ['node-library/contract/bad.ts', "import x from '@duckdb/node-api';"],
    ['node-library/contract/bad.ts', "import x from '../engine/run-pipeline';"],
    ['renderer/app/bad.ts', "import x from '../../node-library/engine/run-pipeline';"],
    ['renderer/app/bad.ts', "import x from '../../node-library/contractual';"],
    ['renderer/app/bad.ts', "import x from 'node:path';"],
    ['renderer/app/bad.ts', "import x from '../../electron/ipc';"],
    ['electron/bad.ts', "import x from 'react';"],
  ])('fails %s importing: %s', async (file, code) => {
    expect(await rulesHit(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['renderer/app/ok.ts', "import x from '../../node-library/contract';"],
    ['renderer/app/ok.ts', "import x from '../../node-library/contract/events';"],
    ['node-library/engine/ok.ts', "import x from 'node:fs';"],
    ['electron/ok.ts', "import x from '../node-library/backend/create-backend';"],
  ])('allows %s importing: %s', async (file, code) => {
    expect(await rulesHit(file, code)).not.toContain('no-restricted-imports');
  });
});
