/**
 * The bytes the embedded driver's tasks hold in memory, against its budget: which finished tasks
 * to forget first (oldest finished first) so that a new task fits, and whether it can fit at all.
 */
export class TaskMemory {
  private readonly held = new Map<string, number>();
  /** Finished tasks, oldest first (a Set keeps insertion order). */
  private readonly finished = new Set<string>();
  private total = 0;

  constructor(readonly limitBytes: number) {}

  /** What the task holds now (its inputs, or its stored result once they are dropped). */
  hold(id: string, bytes: number): void {
    this.total += bytes - (this.held.get(id) ?? 0);
    this.held.set(id, bytes);
  }

  /** The task finished: it may be forgotten to make room, after those that finished before it. */
  finish(id: string): void {
    this.finished.delete(id);
    this.finished.add(id);
  }

  /** The task was retried: it is not finished any more. */
  restart(id: string): void {
    this.finished.delete(id);
  }

  forget(id: string): void {
    this.total -= this.held.get(id) ?? 0;
    this.held.delete(id);
    this.finished.delete(id);
  }

  /** The finished tasks to forget so `incoming` bytes fit, oldest first; null when nothing can make it fit. */
  makeRoom(incoming: number): string[] | null {
    const evicted: string[] = [];
    let total = this.total;
    for (const id of this.finished) {
      if (total + incoming <= this.limitBytes) break;
      evicted.push(id);
      total -= this.held.get(id) ?? 0;
    }
    return total + incoming <= this.limitBytes ? evicted : null;
  }

  get bytes(): number {
    return this.total;
  }
}
