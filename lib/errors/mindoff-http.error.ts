import type { Category } from '../responses';

/**
 * A pipeline outcome that is not success: rendered by the exception filter as the envelope of
 * `code`, with `data` and any extra headers (`Allow`, `Retry-After`...).
 */
export class MindoffHttpError extends Error {
  constructor(
    readonly code: string,
    readonly data: unknown = [],
    readonly headers: Record<string, string> = {},
    readonly category: Category = 'danger',
  ) {
    super(code);
    this.name = 'MindoffHttpError';
  }
}
