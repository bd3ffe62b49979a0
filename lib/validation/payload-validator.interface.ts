import type { ValidationIssue } from './validation-issue';

/** `'strict'` requires every declared (non-Optional) key; `'basic'` only checks keys that are present. */
export type ValidationMode = 'strict' | 'basic';

/**
 * The engine seam: a payload check compiled once at startup. The shorthand compiler is one
 * engine; others (zod, class-validator) can implement the same interface.
 */
export interface PayloadValidator {
  /** The issues in document order, or `null` when the value is valid. */
  validate(value: unknown): ValidationIssue[] | null;
}

/** How a schema is compiled. */
export interface CompileOptions {
  mode: ValidationMode;
  /** At most this many issues are collected per call; work stops there. Default 100. */
  maxErrors?: number;
}
