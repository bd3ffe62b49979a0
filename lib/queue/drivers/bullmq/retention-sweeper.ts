import type { Queue } from 'bullmq';
import type { QueueRetention } from '../../../interfaces/resolved-mindoff-options.interface';

/** Jobs one clean-up pass removes per state at most (the next pass takes the rest). */
const BATCH = 1000;

/**
 * Enforces the retention of finished jobs on an idle queue too: BullMQ's age-based removal only
 * runs when a later job finishes, so every process with the driver cleans finished jobs older
 * than their retention on an unref'd timer (at least once a minute; concurrent cleans are safe).
 */
export class RetentionSweeper {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly queue: Queue,
    private readonly retention: QueueRetention,
    private readonly onError: (error: Error) => void,
  ) {}

  start(): void {
    const every = Math.min(
      60_000,
      Math.max(1000, Math.min(this.retention.completedMs, this.retention.failedMs) / 2),
    );
    this.timer = setInterval(() => void this.sweep(), every).unref();
  }

  async sweep(): Promise<void> {
    try {
      await this.queue.clean(this.retention.completedMs, BATCH, 'completed');
      await this.queue.clean(this.retention.failedMs, BATCH, 'failed');
    } catch (error) {
      this.onError(error as Error);
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
