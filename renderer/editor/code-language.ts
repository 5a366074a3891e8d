import type { NodeTypeInfo } from '../../node-library/contract';

export type CodeLanguage = 'typescript' | 'javascript';

/** The language of a code node's module, or null for a node type that holds no code. */
export function codeLanguage(info: Pick<NodeTypeInfo, 'type' | 'editablePorts'> | undefined): CodeLanguage | null {
  if (!info?.editablePorts || !info.type.startsWith('code.')) return null;
  return info.type === 'code.js' ? 'javascript' : 'typescript';
}

/** The module a new code node starts with: typed by the node's generated declaration (Context, Outputs). */
export function starterCode(language: CodeLanguage): string[] {
  const signature =
    language === 'typescript'
      ? ['export default async function run(ctx: Context): Promise<Outputs> {']
      : ['/** @param {Context} ctx @returns {Promise<Outputs>} */', 'export default async function run(ctx) {'];
  return [
    '// Runs once per run: read the inputs, return a value for each output port.',
    ...signature,
    '  const { inputs, params, state, log, signal } = ctx;',
    '  const rows = inputs.in ? inputs.in.toArray() : [];',
    '  log.info(`${rows.length} rows in`);',
    '  return { out: rows };',
    '}',
  ];
}
