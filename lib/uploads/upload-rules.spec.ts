import { compileUploadRules, NO_FILES } from './upload-rules';

describe('compileUploadRules', () => {
  it('is null for an API without files', () => {
    expect(compileUploadRules(undefined, 10)).toBeNull();
    expect(compileUploadRules(null, 10)).toBeNull();
  });

  it('resolves sizes in bytes, counts and defaults, keeping declaration order', () => {
    const rules = compileUploadRules(
      { avatar: { maxSize: 0.5, types: ['Image/PNG'] }, docs: { maxCount: 3, required: false } },
      2,
    )!;
    expect(rules.names).toEqual(['avatar', 'docs']);
    expect(rules.maxFiles).toBe(4);
    expect(rules.fields.get('avatar')).toMatchObject({
      field: 'avatar',
      maxBytes: 524288,
      maxCount: 1,
      required: true,
      types: ['image/png'],
    });
    // A field without maxSize takes the API's whole-body limit; none when that is off too.
    expect(rules.fields.get('docs')).toMatchObject({
      maxBytes: 2097152,
      maxCount: 3,
      required: false,
    });
    expect(compileUploadRules({ docs: {} }, null)!.fields.get('docs')!.maxBytes).toBeNull();
  });

  it('accepts the declared types exactly, families with type/*, and anything without types', () => {
    const rules = compileUploadRules({ a: { types: ['image/png', 'application/*'] }, b: {} }, 10)!;
    const a = rules.fields.get('a')!;
    expect(['image/png', 'application/pdf', 'application/zip'].map(a.accepts)).toEqual([
      true,
      true,
      true,
    ]);
    expect(['image/jpeg', 'text/plain', 'imagex/png'].map(a.accepts)).toEqual([
      false,
      false,
      false,
    ]);
    expect(rules.fields.get('b')!.accepts('text/plain')).toBe(true);
  });

  it('gives requests without uploads one frozen, empty files object', () => {
    expect(NO_FILES).toEqual({});
    expect(Object.isFrozen(NO_FILES)).toBe(true);
  });
});
