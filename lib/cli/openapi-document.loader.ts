import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MindoffCliError } from './cli.error';

/** How the CLI reads a document: from where relative paths start, with which fetch. */
export interface DocumentSourceOptions {
  cwd: string;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Sent with a URL's request (e.g. `Authorization`). */
  headers?: [string, string][];
  /** How long to wait for a URL, in ms. Default 30 000. */
  timeoutMs?: number;
}

const SERVE_IT =
  "serve it with SwaggerModule.setup('docs', app, () => MindoffOpenApi.createDocument(app, config)) and pass http://<host>/docs-json";

/**
 * The OpenAPI document at `source`: a JSON file (relative to `cwd`) or an http(s) URL such as
 * `/docs-json`. Throws a `MindoffCliError` naming the source and the fix when it cannot be read or
 * is not an OpenAPI 3 document.
 *
 * @example
 * const document = await loadOpenApiDocument('http://127.0.0.1:3000/docs-json', { cwd: process.cwd(), fetch });
 */
export async function loadOpenApiDocument(
  source: string,
  options: DocumentSourceOptions,
): Promise<unknown> {
  const text = isUrl(source) ? await fetchText(source, options) : await readText(source, options);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new MindoffCliError(
      `${displaySource(source)} is not JSON (${(error as Error).message}); pass the OpenAPI document in JSON (/docs-json, not Swagger UI's /docs).`,
    );
  }
  const { openapi, paths } = (document ?? {}) as { openapi?: unknown; paths?: unknown };
  if (
    typeof openapi !== 'string' ||
    !openapi.startsWith('3.') ||
    typeof paths !== 'object' ||
    paths === null
  ) {
    throw new MindoffCliError(
      `${displaySource(source)} is not an OpenAPI 3 document (no "openapi": "3.x" and "paths"); ${SERVE_IT}.`,
    );
  }
  return document;
}

/**
 * `source` as it may be written into generated code and messages: a URL without its user, password,
 * query and fragment (which may hold secrets), a path as given.
 *
 * @example
 * displaySource('https://me:secret@api.example.com/docs-json?key=k'); // 'https://api.example.com/docs-json'
 */
export function displaySource(source: string): string {
  if (!isUrl(source)) return source;
  try {
    const url = new URL(source);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return 'the URL given';
  }
}

function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

async function fetchText(source: string, options: DocumentSourceOptions): Promise<string> {
  const where = displaySource(source);
  let response: Response;
  try {
    response = await options.fetch(source, {
      headers: [['accept', 'application/json'], ...(options.headers ?? [])],
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new MindoffCliError(
      `Could not fetch ${where}: ${causeOf(error)}. Is the app running there?`,
    );
  }
  if (!response.ok) {
    throw new MindoffCliError(
      `${where} answered HTTP ${response.status}; ${response.status === 401 || response.status === 403 ? 'pass credentials with --header "Authorization: Bearer <token>"' : SERVE_IT}.`,
    );
  }
  return response.text();
}

async function readText(source: string, options: DocumentSourceOptions): Promise<string> {
  try {
    return await readFile(resolve(options.cwd, source), 'utf8');
  } catch (error) {
    throw new MindoffCliError(`Could not read ${source}: ${causeOf(error)}.`);
  }
}

/** An error's message, and its cause's (fetch's own message is only "fetch failed"). */
function causeOf(error: unknown): string {
  const message = messageOf(error);
  const cause = messageOf((error as { cause?: unknown } | null)?.cause);
  return cause ? `${message} (${cause})` : message;
}

// Errors from Node's own modules may come from another realm (a test runner's), so no instanceof.
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : error === undefined ? '' : String(error);
}
