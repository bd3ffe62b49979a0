import { applyOutcome, retentionMsOf, unexpectedFailure } from './task-outcome';
import { INITIAL_PROGRESS, type TaskRecord } from './task.types';

function running(): TaskRecord {
  return {
    id: '1',
    ownerId: null,
    request: {
      urlName: 'a',
      version: 1,
      payload: {},
      query: {},
      params: {},
      user: null,
      requestId: 'req-1',
    },
    status: 'running',
    progress: { percent: 40, current_step: 'export', current_message: 'Exporting' },
    cancelRequested: true,
    createdAt: 1,
    updatedAt: 2,
  };
}

describe('applyOutcome (one rule for both drivers)', () => {
  it('stores a completed run with its envelope at 100 %', () => {
    const record = running();
    applyOutcome(record, { kind: 'completed', httpStatus: 201, body: { status: 'success' } });
    expect(record).toMatchObject({
      status: 'completed',
      cancelRequested: false,
      progress: { percent: 100, current_step: '', current_message: 'completed' },
      response: { httpStatus: 201, body: { status: 'success' } },
    });
  });

  it('stores a failure with its error and keeps the progress reached', () => {
    const record = running();
    applyOutcome(record, unexpectedFailure('It broke.'));
    expect(record).toMatchObject({
      status: 'failed',
      cancelRequested: false,
      progress: { percent: 40, current_step: 'export', current_message: 'It broke.' },
      error: { code: 'UNEXPECTED_ERR', message: 'It broke.', httpStatus: 500 },
    });
  });

  it('stores a cancellation with the progress reached', () => {
    const record = { ...running(), progress: { ...INITIAL_PROGRESS, percent: 10 } };
    applyOutcome(record, { kind: 'cancelled' });
    expect(record).toMatchObject({
      status: 'cancelled',
      cancelRequested: false,
      progress: { percent: 10, current_message: 'cancelled' },
    });
    expect(record.response).toBeUndefined();
    expect(record.error).toBeUndefined();
  });
});

describe('retentionMsOf', () => {
  const retention = { completedMs: 1000, failedMs: 7000 };
  it('keeps a completed task for the completed retention, a failed or cancelled one for the failed retention', () => {
    expect(retentionMsOf({ status: 'completed' }, retention)).toBe(1000);
    expect(retentionMsOf({ status: 'failed' }, retention)).toBe(7000);
    expect(retentionMsOf({ status: 'cancelled' }, retention)).toBe(7000);
  });
});
