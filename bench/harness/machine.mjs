// What the bench scripts read of the machine: clock ticks, a process's /proc/<pid>/stat fields,
// and core pinning. With PIN=1 (the default on 2+ cores when taskset is installed) a server runs on
// the last core and its load generator on the first, so neither takes the other's core and the
// scheduler's placement stops moving the figures between rounds (on a 2-core box unpinned fastify
// rounds ranged ±0.2).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export const NCPU = cpus().length;
/** Clock ticks per second, the unit of /proc's CPU times. */
export const HZ = +spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim() || 100;
export const PIN =
  (process.env.PIN ?? (NCPU >= 2 ? '1' : '0')) !== '0' && spawnSync('taskset', ['-V']).status === 0;

/** `[bin, args]` to spawn `bin args` on `core` (as they are when unpinned). */
export const pinned = (core, bin, args) =>
  PIN ? ['taskset', ['-c', String(core), bin, ...args]] : [bin, args];

/** The fields of /proc/<pid>/stat after the command name (field 3 on, so utime is [11]); null once it has gone. */
export function procStat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
