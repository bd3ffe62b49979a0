import type { Redis } from 'ioredis';
import { BrokerUnavailableError } from '../../../errors/broker-unavailable.error';
import { BrokerCall } from './broker-call';

const ready = { status: 'ready' } as unknown as Redis;

describe('BrokerCall', () => {
  it.each([
    'MOVED 11971 127.0.0.1:7002',
    'CLUSTERDOWN The cluster is down',
    "CROSSSLOT Keys in request don't hash to the same slot",
    "READONLY You can't write against a read only replica.",
    'Too many Cluster redirections. Last error: Error: Connection is closed.',
    'LOADING Redis is loading the dataset in memory',
    'WRONGPASS invalid username-password pair or user is disabled.',
  ])('answers %j as an unreachable broker (503), not a 500', async (message) => {
    const call = new BrokerCall(ready, 1000).run(() => Promise.reject(new Error(message)));
    await expect(call).rejects.toBeInstanceOf(BrokerUnavailableError);
    await expect(call).rejects.toThrow(`The queue broker is unreachable: ${message}`);
  });

  it('passes any other error on as it is', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    await expect(new BrokerCall(ready, 1000).run(() => Promise.reject(bug))).rejects.toBe(bug);
  });

  it('fails at once while the connection is lost, without calling Redis', async () => {
    const work = jest.fn();
    const lost = { status: 'reconnecting' } as unknown as Redis;
    await expect(new BrokerCall(lost, 1000).run(work)).rejects.toThrow(
      'The queue broker is unreachable: connection is reconnecting',
    );
    expect(work).not.toHaveBeenCalled();
  });
});
