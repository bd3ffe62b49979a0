import { z } from 'zod';
import { Int, Union } from '../validation';
import { checkApiConfig } from './api-config.check';
import { checkResponseSchema } from './response-schema.check';

describe('checkResponseSchema', () => {
  it('accepts no schema, a sound shorthand, a Standard Schema and a DTO class', () => {
    class ItemDto {}
    for (const schema of [undefined, null, { id: String, qty: Int }, z.object({}), ItemDto]) {
      expect(checkResponseSchema(schema)).toEqual([]);
    }
  });

  it('reports each problem of a shorthand at its place under responseSchema', () => {
    expect(checkResponseSchema({ tags: [], kind: Union(), when: Date })).toEqual([
      expect.stringMatching(/^responseSchema\.tags: a list shorthand must hold exactly one schema/),
      expect.stringMatching(/^responseSchema\.kind: Union needs at least one member/),
      expect.stringMatching(/^responseSchema\.when: /),
    ]);
  });

  it('is part of the startup check of a declaration, naming the class', () => {
    const raw = { urlName: 'orders__get', name: 'Get', method: 'get', responseSchema: 42 };
    const problems = checkApiConfig('GetOrderV1Api', raw, {
      hasRun: true,
      isStrategy: () => false,
    });
    expect(problems).toEqual([expect.stringMatching(/^GetOrderV1Api: responseSchema: /)]);
  });
});
