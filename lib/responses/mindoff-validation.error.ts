import type { Category } from './envelope.interface';

/**
 * Thrown from a handler to answer with the envelope of `code`, its `category` and `data`
 * (e.g. field errors), instead of returning a response.
 */
export class MindoffValidationError extends Error {
  readonly code: string;
  readonly category?: Category;
  readonly data?: unknown;

  constructor({ code, category, data }: { code: string; category?: Category; data?: unknown }) {
    super(`Answered with response code ${code}`);
    this.name = 'MindoffValidationError';
    this.code = code;
    this.category = category;
    this.data = data;
  }
}
