import type { ServerResponse } from 'node:http';
import { MindoffHttpError } from '../../errors/mindoff-http.error';
import type { EphemeralStore } from '../ephemeral-store';

/**
 * Takes one of `owner`'s status-stream slots (`limit` at once; null: unlimited), or refuses with
 * `RATE_LIMITED` (a JSON 429, before the stream starts). The returned release gives the slot back
 * exactly once: when the stream ends, or when the client leaves, even before the stream started.
 */
export async function acquireStreamSlot(
  slots: Pick<EphemeralStore, 'acquireSlot' | 'releaseSlot'>,
  owner: string,
  limit: number | null,
  response: ServerResponse,
): Promise<() => void> {
  if (limit === null) return () => undefined;
  if (!(await slots.acquireSlot(owner, limit))) {
    throw new MindoffHttpError(
      'RATE_LIMITED',
      { reason: 'Too many active streams', limit },
      {},
      'warning',
    );
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    void slots.releaseSlot(owner).catch(() => undefined);
  };
  if (response.destroyed || response.writableEnded) release();
  else response.once('close', release);
  return release;
}
