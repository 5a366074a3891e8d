import { apiArgs, apiMethods, PipewrightError, type ApiMethod, type PipewrightApi } from '../contract';

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (apiMethods as string[]).includes(name);
}

/**
 * The backend side of every transport: checks the method and its arguments
 * against the contract's schemas, then calls the backend.
 */
export async function dispatch(api: PipewrightApi, method: unknown, args: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new PipewrightError('E_API_002', `unknown API method ${String(method)}`);
  const parsed = apiArgs[method].safeParse(args);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    throw new PipewrightError('E_API_001', `${method}: ${detail}`);
  }
  const call = api[method] as (...a: unknown[]) => Promise<unknown>;
  return call.apply(api, parsed.data as unknown[]);
}
