import { codeNodeType } from './code-node';

/** The user's JavaScript module, run in a supervised runner process. */
export const codeJsNode = codeNodeType('js', 'JavaScript code');
