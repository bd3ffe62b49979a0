import { Logger } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { MindoffHttpError } from '../errors/mindoff-http.error';
import type { UploadedFile } from '../interfaces/mindoff-context.interface';
import type { CompiledApi } from '../registry/compiled-api';
import { forRequest } from '../request-id/request.logger';
import { requestIdOf } from '../request-id/request-tag';
import { MultipartForm, type ParsedForm } from '../uploads/multipart-form';
import { missingFiles } from '../uploads/upload.errors';
import { formReadByOthers } from '../uploads/upload.messages';
import type { UploadRules } from '../uploads/upload-rules';
import { hasBody } from '../http/adapter-request';
import { isConsumed } from './consumed-body';
import { checkFormDataType } from './form-data-type.check';
import { readMultipart } from './multipart.reader';
import { checkShape } from './payload.step';

/** What `run()` gets from an API that declares `files`: the payload and the files. */
export interface Upload {
  payload: unknown;
  files: Record<string, UploadedFile[]>;
}

const logger = new Logger('Mindoff');
const warned = new Set<string>();

/**
 * The payload steps of an API that declares `files`, in place of `readPayload`: the declared type
 * (`multipart/form-data` only), the form read and checked part by part under the upload rules and
 * the whole-body limit, then the text fields, typed as query strings are (`Int`, `Boolean`,
 * `ListOf` for a repeated field...), through the same depth and schema checks as a JSON body.
 * Required files that did not come are reported with the schema's issues, in one
 * `INVALID_PAYLOAD`. A request without a body is an empty form.
 *
 * @example
 * const { payload, files } = await readUpload(api, api.uploads, raw);
 */
export async function readUpload(
  api: CompiledApi,
  rules: UploadRules,
  raw: IncomingMessage,
): Promise<Upload> {
  const form = hasBody(raw) ? await readForm(api, rules, raw) : emptyForm(rules);
  const missing = missingFiles(rules, form.files);
  let payload: unknown;
  try {
    const fields = api.coerceFormFields ? api.coerceFormFields(form.fields) : form.fields;
    payload = await checkShape(api, fields);
  } catch (error) {
    if (missing.length > 0 && isIssueList(error)) {
      throw new MindoffHttpError('INVALID_PAYLOAD', [...(error.data as unknown[]), ...missing]);
    }
    throw error;
  }
  if (missing.length > 0) throw new MindoffHttpError('INVALID_PAYLOAD', missing);
  return { payload, files: form.files };
}

function readForm(api: CompiledApi, rules: UploadRules, raw: IncomingMessage): Promise<ParsedForm> {
  checkFormDataType(raw);
  if (isConsumed(raw)) {
    const reason = formReadByOthers(api.className);
    if (!warned.has(api.className)) {
      warned.add(api.className);
      logger.error(forRequest(requestIdOf(raw), reason));
    }
    throw new MindoffHttpError('API_CONFIG_ERR', { reason });
  }
  return readMultipart(raw, api.maxPayloadBytes, new MultipartForm(rules, raw.headers));
}

function emptyForm(rules: UploadRules): ParsedForm {
  return { fields: {}, files: Object.fromEntries(rules.names.map((name) => [name, []])) };
}

function isIssueList(error: unknown): error is MindoffHttpError {
  return (
    error instanceof MindoffHttpError &&
    error.code === 'INVALID_PAYLOAD' &&
    Array.isArray(error.data)
  );
}
