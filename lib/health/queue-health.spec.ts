import type { QueueStats } from '../queue/queue-driver';
import { judgeQueue } from './queue-health';

const NOW = 1_800_000_000_000;
const stats = (over: Partial<QueueStats> = {}): QueueStats => ({
  waiting: 0,
  active: 0,
  oldestWaitingAt: null,
  workersSeenAt: NOW,
  ...over,
});

describe('judgeQueue', () => {
  it('reports counts and ages in seconds, with no problem when every check holds', () => {
    const verdict = judgeQueue(
      stats({ waiting: 3, active: 2, oldestWaitingAt: NOW - 12_340, workersSeenAt: NOW - 4_000 }),
      { maxWaitingAgeSeconds: 60, workerSeenWithinSeconds: 30 },
      NOW,
    );
    expect(verdict).toEqual({
      details: { waiting: 3, active: 2, oldestWaitingSeconds: 12.3, workerSeenSecondsAgo: 4 },
      problems: [],
    });
  });

  it('is down when the oldest waiting task has waited past maxWaitingAgeSeconds', () => {
    const { problems } = judgeQueue(
      stats({ waiting: 1, oldestWaitingAt: NOW - 61_000 }),
      { maxWaitingAgeSeconds: 60 },
      NOW,
    );
    expect(problems).toEqual([
      'the oldest waiting task has waited 61 s, over the 60 s allowed; add workers or concurrency.',
    ]);
  });

  it('is down when no worker was seen within workerSeenWithinSeconds, or ever', () => {
    const late = judgeQueue(
      stats({ workersSeenAt: NOW - 45_000 }),
      { workerSeenWithinSeconds: 30 },
      NOW,
    );
    const never = judgeQueue(stats({ workersSeenAt: null }), { workerSeenWithinSeconds: 30 }, NOW);
    expect(late.problems).toEqual([expect.stringContaining('for 45 s (expected one within 30 s)')]);
    expect(never.problems).toEqual([
      expect.stringContaining('no worker of this queue has been seen (expected one within 30 s)'),
    ]);
  });

  it('checks nothing it was not asked to', () => {
    const verdict = judgeQueue(
      stats({ waiting: 1, oldestWaitingAt: NOW - 3_600_000, workersSeenAt: null }),
      {},
      NOW,
    );
    expect(verdict.problems).toEqual([]);
    expect(verdict.details.workerSeenSecondsAgo).toBeNull();
  });
});
