import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/**
 * Writes the recovery times a failover spec measured, one JSON line per failover, to stdout and
 * to `$MINDOFF_FAILOVER_REPORT` (default `<tmpdir>/mindoff-failover.jsonl`), for the report in
 * bench/RESULTS.md. Nothing is asserted on them: speed is measured, not tested.
 */
export function failoverReport(what: string, timesMs: Record<string, number>): void {
  const line = JSON.stringify({ what, ...timesMs, at: new Date().toISOString() });
  process.stdout.write(`${line}\n`);
  appendFileSync(
    process.env.MINDOFF_FAILOVER_REPORT ?? join(tmpdir(), 'mindoff-failover.jsonl'),
    `${line}\n`,
  );
}
