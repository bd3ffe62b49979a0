import { mergeComponents } from './schema-components';

describe('mergeComponents', () => {
  it('adds definitions and rewrites $defs, definitions and components refs to components', () => {
    const components: Record<string, unknown> = {};
    const rewrite = mergeComponents(components, {
      Item: { type: 'object', properties: { next: { $ref: '#/definitions/Item' } } },
    });
    expect(rewrite({ items: [{ $ref: '#/$defs/Item' }] })).toEqual({
      items: [{ $ref: '#/components/schemas/Item' }],
    });
    expect(components.Item).toEqual({
      type: 'object',
      properties: { next: { $ref: '#/components/schemas/Item' } },
    });
  });

  it('shares a name with an identical schema and renames on a different one', () => {
    const components: Record<string, unknown> = {
      Same: { type: 'string' },
      Taken: { type: 'string' },
    };
    const rewrite = mergeComponents(components, {
      Same: { type: 'string' },
      Taken: { type: 'integer' },
    });
    expect(rewrite({ $ref: '#/$defs/Same' })).toEqual({ $ref: '#/components/schemas/Same' });
    expect(rewrite({ $ref: '#/$defs/Taken' })).toEqual({ $ref: '#/components/schemas/Taken_2' });
    expect(components).toEqual({
      Same: { type: 'string' },
      Taken: { type: 'string' },
      Taken_2: { type: 'integer' },
    });
  });

  it('leaves refs elsewhere untouched', () => {
    const rewrite = mergeComponents({}, {});
    expect(rewrite({ $ref: 'https://example.com/s.json' })).toEqual({
      $ref: 'https://example.com/s.json',
    });
  });
});
