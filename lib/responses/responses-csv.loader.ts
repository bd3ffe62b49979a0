import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parse, type Info } from 'csv-parse/sync';
import { isEnvelopeHttpStatus } from './envelope-status';
import type { CatalogRow } from './envelope.interface';
import { ResponsesCsvError } from './responses-csv.error';

const REQUIRED = ['code', 'title', 'description', 'http_status'] as const;
type RequiredHeader = (typeof REQUIRED)[number];

const HEADER_LINE = REQUIRED.join(',');
const QUOTING_FIX =
  'wrap a value that contains a comma, quote or line break in double quotes and write a quote inside it as "".';

interface ParsedRecord {
  record: string[];
  info: Info;
}

interface Problem {
  line: number;
  text: string;
}

/**
 * Reads the app's responses CSV (`code,title,description,http_status`, comma or tab separated,
 * `#` comment lines) into catalog rows. Throws `ResponsesCsvError` listing every problem, each
 * naming the file, the 1-based line and the fix.
 */
export function loadResponsesCsv(filePath: string): CatalogRow[] {
  const label = displayPath(filePath);
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    // Duck-typed: fs errors may come from another realm (e.g. under Jest), failing instanceof.
    const { message } = (error ?? {}) as { message?: unknown };
    const reason = typeof message === 'string' ? message : String(error);
    throw new ResponsesCsvError(label, [
      `${label}: cannot be read (${reason}); point responsesPath at a readable CSV file.`,
    ]);
  }
  return parseResponsesCsv(text, label);
}

/** Same as `loadResponsesCsv` for CSV text already in memory; `label` names it in messages. */
export function parseResponsesCsv(text: string, label: string): CatalogRow[] {
  // csv-parse counts a CRLF inside a quoted value as two lines; LF-only input keeps numbers right.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(normalized);
  const problems: Problem[] = [];
  const at = (line: number, message: string): void => {
    problems.push({ line, text: `${label} line ${line}: ${message}` });
  };

  // After a syntax error csv-parse resynchronises unreliably, so only the first one is reported
  // and rows from its line on are not checked.
  let brokenAt = Infinity;
  const records = parse(normalized, {
    delimiter,
    comment: '#',
    comment_no_infix: true,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (!error || brokenAt !== Infinity) return;
      // csv-parse puts the line it stopped at on its errors as `lines`.
      brokenAt = Number(error.lines);
      at(
        brokenAt,
        `cannot be parsed (${error.message}); ${QUOTING_FIX} Lines after it were not checked.`,
      );
    },
  }) as unknown as ParsedRecord[];

  const content = records.filter((r) => !isBlank(r.record));
  const header = content[0];
  if (!header) {
    throw new ResponsesCsvError(label, [
      `${label}: has no header; the first line must be ${HEADER_LINE}.`,
    ]);
  }

  const names = header.record.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    throw new ResponsesCsvError(label, [
      `${label}: missing header(s) ${missing.join(', ')}; the first line must be ${HEADER_LINE}.`,
    ]);
  }
  for (const name of REQUIRED) {
    if (names.indexOf(name) !== names.lastIndexOf(name)) {
      at(startLine(header), `header '${name}' appears more than once; keep one ${name} column.`);
    }
  }
  const column = Object.fromEntries(REQUIRED.map((name) => [name, names.indexOf(name)])) as Record<
    RequiredHeader,
    number
  >;

  const rows: CatalogRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const parsed of content.slice(1)) {
    const line = startLine(parsed);
    if (line >= brokenAt) break;
    const fields = parsed.record;
    if (fields.length !== names.length) {
      const separator = delimiter === ',' ? 'a comma' : 'a tab';
      at(
        line,
        `has ${fields.length} field(s) but the header has ${names.length}; give every row one value per header column and wrap a value that contains ${separator} in double quotes.`,
      );
      continue;
    }
    const value = (name: RequiredHeader): string => (fields[column[name]] ?? '').trim();
    const before = problems.length;

    const empty = REQUIRED.filter((name) => value(name) === '');
    if (empty.length > 0) {
      at(
        line,
        `empty ${empty.join(', ')}; every row needs a code, title, description and http_status.`,
      );
    }

    const rawStatus = value('http_status');
    const httpStatus = Number(rawStatus);
    if (rawStatus !== '' && !/^\d+$/.test(rawStatus)) {
      at(
        line,
        `http_status '${rawStatus}' is not a whole number; write an HTTP status such as 200, 404 or 500.`,
      );
    } else if (rawStatus !== '' && !isEnvelopeHttpStatus(httpStatus)) {
      at(
        line,
        `http_status ${rawStatus} is not allowed; use 200-299 for success or 400-599 for errors (1xx and 3xx cannot carry an envelope).`,
      );
    }

    const code = value('code').toUpperCase();
    if (code !== '') {
      const first = firstLineOf.get(code);
      if (first === undefined) firstLineOf.set(code, line);
      else at(line, `duplicate code '${code}' (first at line ${first}); keep one row per code.`);
    }

    if (problems.length === before) {
      rows.push({ code, title: value('title'), description: value('description'), httpStatus });
    }
  }

  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    throw new ResponsesCsvError(
      label,
      problems.map((p) => p.text),
    );
  }
  return rows;
}

/** Comma unless the header line (first line that is neither blank nor a comment) has more tabs. */
function detectDelimiter(text: string): ',' | '\t' {
  const headerLine = text.split('\n').find((l) => !l.startsWith('#') && !/^[\s,]*$/.test(l)) ?? '';
  const tabs = headerLine.split('\t').length - 1;
  const commas = headerLine.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

/** A whitespace-only line, or one with nothing but separators (as spreadsheets export). */
function isBlank(fields: string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/** `info.lines` is where the record ends; a quoted value may span lines, so count back. */
function startLine({ record, info }: ParsedRecord): number {
  const breaks = record.reduce((sum, field) => sum + field.split('\n').length - 1, 0);
  return info.lines - breaks;
}

/** The path relative to the working directory when inside it (`config/responses.csv`). */
function displayPath(filePath: string): string {
  const rel = relative(process.cwd(), resolve(filePath));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : filePath;
}
