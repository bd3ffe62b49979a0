import { getQueueToken, getSharedConfigToken } from '@nestjs/bullmq';
import { bullSharedConfigToken, MINDOFF_QUEUE, MINDOFF_QUEUE_TOKEN } from './bull-queue.token';

describe('the @nestjs/bullmq tokens mindoff writes without loading it', () => {
  it('are the ones @nestjs/bullmq computes', () => {
    expect(MINDOFF_QUEUE_TOKEN).toBe(getQueueToken(MINDOFF_QUEUE));
    expect(bullSharedConfigToken()).toBe(getSharedConfigToken());
    expect(bullSharedConfigToken('jobs')).toBe(getSharedConfigToken('jobs'));
  });
});
