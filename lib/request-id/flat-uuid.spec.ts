import { flatRandomUuid } from './flat-uuid';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('flatRandomUuid', () => {
  it('gives version 4 UUIDs, none twice, across several refills of its pool', () => {
    const ids = Array.from({ length: 1000 }, () => flatRandomUuid());
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every hex digit in every free position (the bytes are random, not a pattern)', () => {
    const ids = Array.from({ length: 2000 }, () => flatRandomUuid());
    for (const position of [0, 9, 15, 20, 35]) {
      expect(new Set(ids.map((id) => id[position])).size).toBe(16);
    }
    // The variant digit carries two random bits.
    expect(new Set(ids.map((id) => id[19]))).toEqual(new Set(['8', '9', 'a', 'b']));
  });
});
