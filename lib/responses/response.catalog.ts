import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RESPONSES } from './default-responses';
import { defaultCategoryFor, envelopeStatusFor, isEnvelopeHttpStatus } from './envelope-status';
import type {
  CatalogEntry,
  CatalogRow,
  Category,
  EnvelopeJson,
  EnvelopeResult,
  EnvelopeStatus,
} from './envelope.interface';
import { loadResponsesCsv } from './responses-csv.loader';

const UNEXPECTED = 'UNEXPECTED_ERR';
const CATEGORIES: readonly Category[] = ['danger', 'warning', 'info', 'success'];

interface Compiled {
  readonly entry: Readonly<CatalogEntry>;
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly httpStatus: number;
  readonly status: EnvelopeStatus;
  readonly category: Category;
  /** The envelope's JSON up to `"data":`, per category: everything but the data is constant. */
  readonly heads: ReadonlyMap<string, string>;
}

/**
 * The response codes an app can answer with: mindoff's defaults, overridden and extended by the
 * app's rows. Entries are computed once; `envelope()` only builds the answer's object literal.
 */
export class ResponseCatalog {
  private readonly entries = new Map<string, Compiled>();
  private readonly unexpected: Compiled;

  private constructor(rows: readonly CatalogRow[]) {
    for (const row of [...DEFAULT_RESPONSES, ...rows]) {
      if (!isEnvelopeHttpStatus(row.httpStatus)) {
        throw new RangeError(
          `Response code '${row.code}': httpStatus ${row.httpStatus} cannot carry an envelope; use 200-299 or 400-599.`,
        );
      }
      const status = envelopeStatusFor(row.httpStatus);
      const entry: Readonly<CatalogEntry> = Object.freeze({
        code: row.code,
        title: row.title,
        description: row.description,
        httpStatus: row.httpStatus,
        status,
      });
      const heads = new Map(CATEGORIES.map((c) => [c, envelopeHead(entry, c)]));
      const category = defaultCategoryFor(row.httpStatus);
      this.entries.set(row.code, { ...entry, entry, category, heads });
    }
    this.unexpected = this.entries.get(UNEXPECTED)!;
  }

  /**
   * The defaults plus the rows of the app's CSV (default `<cwd>/config/responses.csv`). A missing
   * file means defaults only; a present file must be valid (`ResponsesCsvError` otherwise).
   */
  static fromFile(path: string = join(process.cwd(), 'config', 'responses.csv')): ResponseCatalog {
    return new ResponseCatalog(existsSync(path) ? loadResponsesCsv(path) : []);
  }

  /** The defaults plus `rows`; a row whose code is a default replaces it. */
  static fromRows(rows: readonly CatalogRow[] = []): ResponseCatalog {
    return new ResponseCatalog(rows);
  }

  /** The entry of `code` (exact, case-sensitive), or `undefined` when the catalog lacks it. */
  get(code: string): CatalogEntry | undefined {
    return this.entries.get(code)?.entry;
  }

  /** Whether the catalog has `code`. */
  has(code: string): boolean {
    return this.entries.has(code);
  }

  /** Same as `has`: whether `envelope(code)` answers with `code` rather than `UNEXPECTED_ERR`. */
  isKnown(code: string): boolean {
    return this.entries.has(code);
  }

  /** Every code, defaults first in table order, then the app's new codes in file order. */
  codes(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The HTTP status and envelope of `code`. `category` defaults to `success` for 2xx and `danger`
   * otherwise; `data` is sent as given, `[]` when undefined. An unknown code gives the
   * `UNEXPECTED_ERR` envelope (500) without the caller's category or data; logging is the caller's.
   */
  envelope(code: string, category?: Category, data?: unknown): EnvelopeResult {
    const entry = this.entries.get(code);
    return entry === undefined
      ? this.answer(this.unexpected, undefined, undefined)
      : this.answer(entry, category, data);
  }

  /**
   * The same answer as `envelope()`, as JSON text, with `dataJson` (already JSON) as its `data`.
   * The text up to `"data":` was written once per code and category when the catalog was built;
   * only the data is appended. An unknown code gives the `UNEXPECTED_ERR` envelope with `[]`.
   *
   * @example
   * catalog.envelopeJson('SUCCESS', undefined, '{"id":1}').json;
   * // '{"status":"ok","message":{"code":"SUCCESS",...,"category":"success"},"data":{"id":1}}'
   */
  envelopeJson(code: string, category: Category | undefined, dataJson: string): EnvelopeJson {
    const entry = this.entries.get(code);
    if (entry === undefined) return this.envelopeJson(UNEXPECTED, undefined, '[]');
    const chosen = category ?? entry.category;
    const head = entry.heads.get(chosen) ?? envelopeHead(entry.entry, chosen);
    return { httpStatus: entry.httpStatus, json: head + dataJson + '}' };
  }

  private answer(e: Compiled, category: Category | undefined, data: unknown): EnvelopeResult {
    return {
      httpStatus: e.httpStatus,
      body: {
        status: e.status,
        message: {
          code: e.code,
          title: e.title,
          description: e.description,
          category: category ?? e.category,
        },
        data: data === undefined ? [] : data,
      },
    };
  }
}

/** `{"status":...,"message":{...},"data":` for `entry` and `category`, as JSON.stringify writes it. */
function envelopeHead(entry: CatalogEntry, category: Category): string {
  const { status, code, title, description } = entry;
  const json = JSON.stringify({ status, message: { code, title, description, category }, data: 0 });
  return json.slice(0, json.length - '0}'.length);
}
