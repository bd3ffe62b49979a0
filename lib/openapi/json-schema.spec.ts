import { dialectOf, orNull } from './json-schema';

describe('dialectOf', () => {
  it('reads 3.1 and later as JSON Schema 2020-12, anything older (or nothing) as 3.0', () => {
    expect(dialectOf('3.1.0')).toBe('3.1');
    expect(dialectOf('3.2.0')).toBe('3.1');
    expect(dialectOf('4.0.0')).toBe('3.1');
    expect(dialectOf('3.0.3')).toBe('3.0');
    expect(dialectOf(undefined)).toBe('3.0');
  });
});

describe('orNull', () => {
  it('adds null to a typed schema as a type list in 3.1 and as nullable in 3.0', () => {
    expect(orNull({ type: 'string' }, '3.1')).toEqual({ type: ['string', 'null'] });
    expect(orNull({ type: 'string' }, '3.0')).toEqual({ type: 'string', nullable: true });
  });

  it('adds null to an enum too, so the enum does not refuse it', () => {
    expect(orNull({ type: 'string', enum: ['a'] }, '3.1')).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
    expect(orNull({ enum: ['a', 1] }, '3.0')).toEqual({ enum: ['a', 1, null], nullable: true });
  });

  it('wraps an untyped schema or a $ref in anyOf with null in 3.1', () => {
    expect(orNull({ $ref: '#/components/schemas/A' }, '3.1')).toEqual({
      anyOf: [{ $ref: '#/components/schemas/A' }, { type: 'null' }],
    });
    expect(orNull({ anyOf: [{ type: 'string' }] }, '3.1')).toEqual({
      anyOf: [{ anyOf: [{ type: 'string' }] }, { type: 'null' }],
    });
  });

  it('leaves the empty schema alone: it already accepts null', () => {
    expect(orNull({}, '3.1')).toEqual({});
    expect(orNull({}, '3.0')).toEqual({});
  });
});
