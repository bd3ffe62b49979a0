import { DictOf, Int, ListOf, Literal, Optional, Union, type ShorthandSchema } from './index';
import { schemaForm } from './schema-form';

describe('schema builders', () => {
  it.each<[string, ShorthandSchema, string]>([
    ['ListOf', ListOf(String), 'listOf'],
    ['DictOf', DictOf(Int), 'dictOf'],
    ['Union', Union(String, Int), 'union'],
    ['Literal', Literal('A'), 'literal'],
    ['Optional', Optional(String), 'optional'],
  ])(
    'builds a frozen %s schema that is not mistaken for a dict shorthand',
    (_name, schema, kind) => {
      expect(Object.isFrozen(schema)).toBe(true);
      expect(schemaForm(schema).kind).toBe(kind);
      expect(Object.keys(schema)).not.toContain('kind');
    },
  );

  it('freezes the Int marker and recognises a dict that happens to use builder-like keys', () => {
    expect(Object.isFrozen(Int)).toBe(true);
    expect(schemaForm({ item: String, members: String }).kind).toBe('dict');
  });

  it('freezes the members and values lists', () => {
    const union = Union(String, Int);
    expect(Object.isFrozen(union.members)).toBe(true);
    expect(Literal('A', 'B').values).toEqual(['A', 'B']);
  });
});
