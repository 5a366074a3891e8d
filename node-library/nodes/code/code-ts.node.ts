import { codeNodeType } from './code-node';

/** The user's TypeScript module, transpiled with esbuild and run in a supervised runner process. */
export const codeTsNode = codeNodeType('ts', 'TypeScript code');
