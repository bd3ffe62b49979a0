import {
  compileDtoClass,
  compileShorthand,
  compileStandardSchema,
  isDtoClass,
  isStandardSchema,
  type PayloadCheck,
  type PayloadOutcome,
  type PayloadSchema,
  type ShorthandSchema,
} from '../validation';
import { responseMismatch, responseUnwritable } from './serialization.messages';
import { compileShorthandSerializer } from './shorthand.serializer';

/**
 * The JSON text of `data` for the success envelope, as the API's `responseSchema` describes it
 * (a promise only for an async Standard Schema or a DTO class). Throws `ResponseDataError` when
 * the data does not match the schema or cannot be written as JSON.
 */
export type DataSerializer = (data: unknown) => string | Promise<string>;

/** What `run()` returned does not fit the API's responseSchema; answered `UNEXPECTED_ERR`, logged. */
export class ResponseDataError extends Error {
  override readonly name = 'ResponseDataError';
}

const ISSUES_SHOWN = 5;

/**
 * Compiles an API's `responseSchema` once, at startup. `owner` (the API class's name) is named in
 * the error of a mismatch.
 *
 * - shorthand: a compiled serializer writes the declared keys only (extra keys are dropped, as
 *   fast-json-stringify does) and checks each value on the way with the strict validator's rules;
 * - Standard Schema (zod 4...): the data goes through the schema's own `validate` and its output is
 *   written (zod drops unknown keys), as Nest's `StandardSchemaSerializerInterceptor` does;
 * - DTO class: `plainToInstance` then class-validator with `whitelist` (undecorated properties
 *   dropped), and the instance is written.
 *
 * @example
 * const serialize = compileResponseSerializer({ id: String }, 'GetItemV1Api');
 * serialize({ id: 'a', internal: 1 }); // '{"id":"a"}'
 * serialize({ id: 7 }); // throws ResponseDataError: GetItemV1Api: ... data.id: expected string, got number
 */
export function compileResponseSerializer(schema: PayloadSchema, owner: string): DataSerializer {
  if (isStandardSchema(schema)) return checkedThenWritten(compileStandardSchema(schema), owner);
  if (isDtoClass(schema)) {
    return checkedThenWritten(compileDtoClass(schema, 'strict', ISSUES_SHOWN, true), owner);
  }
  return shorthandSerializer(schema as ShorthandSchema, owner);
}

function shorthandSerializer(schema: ShorthandSchema, owner: string): DataSerializer {
  const serialize = compileShorthandSerializer(schema);
  let explain: ((value: unknown) => string) | undefined;
  return (data) => {
    let json: string | undefined;
    try {
      json = serialize(data);
    } catch (error) {
      throw unwritable(owner, error);
    }
    if (json !== undefined) return json;
    // The slow path: the validator, compiled on the first mismatch, says where and why.
    explain ??= explainer(schema, owner);
    throw new ResponseDataError(explain(data));
  };
}

function explainer(schema: ShorthandSchema, owner: string): (value: unknown) => string {
  const validator = compileShorthand(schema, { mode: 'strict', maxErrors: ISSUES_SHOWN });
  return (value) => responseMismatch(owner, validator.validate(value) ?? []);
}

function checkedThenWritten(check: PayloadCheck, owner: string): DataSerializer {
  const written = (outcome: PayloadOutcome): string => {
    if (outcome.issues) {
      throw new ResponseDataError(responseMismatch(owner, outcome.issues.slice(0, ISSUES_SHOWN)));
    }
    try {
      return JSON.stringify(outcome.value) ?? 'null';
    } catch (error) {
      throw unwritable(owner, error);
    }
  };
  return (data) => {
    const outcome = check(data);
    return outcome instanceof Promise ? outcome.then(written) : written(outcome);
  };
}

function unwritable(owner: string, error: unknown): ResponseDataError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ResponseDataError(responseUnwritable(owner, reason), { cause: error });
}
