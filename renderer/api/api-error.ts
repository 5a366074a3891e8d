import type { ErrorInfo } from '../../node-library/contract';

/** A failed API call, as the renderer sees it: the wire error's code and message. */
export class ApiError extends Error {
  readonly code: string;

  constructor(info: Pick<ErrorInfo, 'message'> & { code: string }) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
  }
}
