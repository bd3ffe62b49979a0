import type { Answer } from './http-client';
import type { Expected, Kind } from './traffic';

const ENVELOPE_STATUSES = new Set(['ok', 'fail', 'exception']);
const MAX_EXAMPLES = 20;

/**
 * Why an answer is an error (a 5xx, not an envelope, or not one of the answers its kind
 * expects), or null; `label` is `<status> <code>`, for the count of answers per kind.
 */
export function judge(
  answer: Answer,
  expect: readonly Expected[],
): { label: string; error: string | null } {
  let code: string | undefined;
  try {
    const body = JSON.parse(answer.body) as { status?: unknown; message?: { code?: unknown } };
    if (ENVELOPE_STATUSES.has(body.status as string) && typeof body.message?.code === 'string') {
      code = body.message.code;
    }
  } catch {
    // not JSON: code stays undefined, a non-envelope answer
  }
  const label = `${answer.status} ${code ?? '(not an envelope)'}`;
  if (answer.status >= 500) return { label, error: `${label}: a 5xx` };
  if (code === undefined) return { label, error: `${answer.status}: not an envelope` };
  if (!expect.some((e) => e.status === answer.status && e.code === code)) {
    return { label, error: `${label}: not the expected answer` };
  }
  return { label, error: null };
}

/** Nearest-rank percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** One kind's figures over the whole load. */
export interface KindSummary {
  kind: string;
  group: string;
  requests: number;
  per_s: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  errors: number;
  answers: Record<string, number>;
  error_reasons: Record<string, number>;
}

interface KindRecord {
  group: string;
  latencies: number[];
  answers: Map<string, number>;
  errors: Map<string, number>;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/** Every answer of the load, per kind: latency, the answers seen, the errors and why. */
export class Tally {
  private readonly kinds = new Map<string, KindRecord>();
  /** The first error of each kind and reason in full (what was sent, what came back). */
  readonly examples: string[] = [];
  /** Answers recorded so far (the sampler turns it into answers per second). */
  answered = 0;

  /** Judges `answer` against `kind` and records it; returns the error, or null. */
  answer(kind: Kind, answer: Answer, what: string): string | null {
    const { label, error } = judge(answer, kind.expect);
    this.record(kind.name, kind.group, answer.ms, label, error, `${what} -> ${answer.body}`);
    return error;
  }

  /** Records one outcome; `error` is null when it was right; `example` shows a new error. */
  record(
    kind: string,
    group: string,
    ms: number,
    label: string,
    error: string | null,
    example = '',
  ): void {
    let record = this.kinds.get(kind);
    if (!record) {
      record = { group, latencies: [], answers: new Map(), errors: new Map() };
      this.kinds.set(kind, record);
    }
    this.answered++;
    if (Number.isFinite(ms)) record.latencies.push(ms);
    bump(record.answers, label);
    if (error === null) return;
    const seen = record.errors.has(error);
    bump(record.errors, error);
    if (!seen && this.examples.length < MAX_EXAMPLES) {
      this.examples.push(`${kind}: ${error}: ${example.slice(0, 300)}`);
    }
  }

  get errors(): number {
    let n = 0;
    for (const record of this.kinds.values()) for (const c of record.errors.values()) n += c;
    return n;
  }

  summary(seconds: number): KindSummary[] {
    return [...this.kinds].map(([kind, r]) => {
      const sorted = [...r.latencies].sort((a, b) => a - b);
      const requests = [...r.answers.values()].reduce((a, b) => a + b, 0);
      return {
        kind,
        group: r.group,
        requests,
        per_s: r.group === 'after' ? NaN : requests / seconds,
        p50_ms: percentile(sorted, 50),
        p99_ms: percentile(sorted, 99),
        max_ms: sorted[sorted.length - 1] ?? NaN,
        errors: [...r.errors.values()].reduce((a, b) => a + b, 0),
        answers: Object.fromEntries(r.answers),
        error_reasons: Object.fromEntries(r.errors),
      };
    });
  }
}
