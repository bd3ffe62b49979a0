import { withDeadline } from './deadline';

describe('withDeadline', () => {
  it('settles as the call does when it answers in time', async () => {
    await expect(
      withDeadline(
        () => Promise.resolve(7),
        1000,
        () => new Error('late'),
      ),
    ).resolves.toBe(7);
    await expect(
      withDeadline(
        () => Promise.reject(new Error('own')),
        1000,
        () => new Error('late'),
      ),
    ).rejects.toThrow('own');
  });

  it('rejects with the timeout error once the deadline passes first', async () => {
    jest.useFakeTimers();
    try {
      const never = withDeadline(
        () => new Promise<number>(() => {}),
        50,
        () => new Error('late'),
      );
      jest.advanceTimersByTime(50);
      await expect(never).rejects.toThrow('late');
    } finally {
      jest.useRealTimers();
    }
  });

  it('turns a call that throws at once into a rejection', async () => {
    const throwing = (): Promise<number> => {
      throw new Error('sync');
    };
    await expect(withDeadline(throwing, 1000, () => new Error('late'))).rejects.toThrow('sync');
  });
});
