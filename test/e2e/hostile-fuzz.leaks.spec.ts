import { internalText } from './hostile-fuzz.leaks';

const answer = (body: string, headers: Record<string, string> = {}) => ({
  body: Buffer.from(body),
  headers,
});

describe('internalText', () => {
  it('finds what an overflowing reviver used to answer', () => {
    const leaked = answer(JSON.stringify({ data: { error: 'Maximum call stack size exceeded' } }));
    expect(internalText(leaked)).toMatch(/^Maximum call stack/);
  });

  it('finds error names, stack frames (raw or JSON-escaped) and file paths, in the body or a header', () => {
    const error = new RangeError('Invalid array length');
    expect(
      internalText(answer('{"error":"Invalid array length"}', { 'x-error': error.name })),
    ).toMatch(/^RangeError/);
    expect(internalText(answer(JSON.stringify({ stack: 'Error: x\n    at parse (x)' })))).toMatch(
      /^a stack frame/,
    );
    expect(internalText(answer('oops\n    at Object.<anonymous> (x)'))).toMatch(/^a stack frame/);
    expect(internalText(answer('{"where":"/srv/app/node_modules/busboy/index.js"}'))).toMatch(
      /^a file path/,
    );
    expect(internalText(answer('{"where":"client-ip.ts:31"}'))).toMatch(/^a file path/);
  });

  it('lets an ordinary refusal through', () => {
    const refusal = {
      status: 'error',
      message: {
        code: 'MALFORMED_PAYLOAD',
        title: 'Malformed Payload',
        description: 'd',
        category: 'danger',
      },
      data: { error: 'Unexpected token } in JSON at position 5' },
    };
    expect(
      internalText(answer(JSON.stringify(refusal), { 'content-type': 'application/json' })),
    ).toBeUndefined();
    expect(internalText(answer('', { allow: 'GET', 'retry-after': '12' }))).toBeUndefined();
  });
});
