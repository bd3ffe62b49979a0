import { clearDeprecated, markDeprecated } from './deprecation';

const HINT = '// true, or { since, sunset, link }: Deprecation and Sunset headers';

const api = (deprecated: string) => `import { MindoffApi } from 'mindoff';

@MindoffApi({
  // Identity
  urlName: 'orders__create_order',
  name: 'Create Order',
  ${deprecated}

  // Execution rules: how it runs
  method: 'GET',
  // limits: {
  //   request: '30/m', // calls to this API
  // },
})
export class CreateOrderV1Api {
  async run() {
    return {};
  }
}
`;

const mark = (source: string, sunset?: string) =>
  markDeprecated(source, 'CreateOrderV1Api', sunset, 'src/create-order.v1.api.ts');

describe('markDeprecated', () => {
  it('sets the commented-out default line, keeping its hint', () => {
    expect(mark(api(`// deprecated: false, ${HINT}`))).toBe(api(`deprecated: true, ${HINT}`));
  });

  it('writes the sunset date as an object', () => {
    expect(mark(api(`// deprecated: false, ${HINT}`), '2027-06-30')).toBe(
      api(`deprecated: { sunset: '2027-06-30' }, ${HINT}`),
    );
  });

  it('changes nothing the second time, with or without the date', () => {
    const once = mark(api(`// deprecated: false, ${HINT}`), '2027-06-30');
    expect(mark(once, '2027-06-30')).toBe(once);
    expect(mark(once)).toBe(once);
    const plain = mark(api(`// deprecated: false, ${HINT}`));
    expect(mark(plain)).toBe(plain);
  });

  it('turns deprecated: false into true, and true into the dated object', () => {
    expect(mark(api('deprecated: false,'))).toBe(api('deprecated: true,'));
    expect(mark(api('deprecated: true,'), '2027-06-30')).toBe(
      api("deprecated: { sunset: '2027-06-30' },"),
    );
  });

  it('adds the date to an object that has none, and replaces the date of one that has', () => {
    expect(mark(api("deprecated: { since: '2026-12-01' },"), '2027-06-30')).toBe(
      api("deprecated: { since: '2026-12-01', sunset: '2027-06-30' },"),
    );
    expect(
      mark(
        api("deprecated: {\n    since: '2026-12-01',\n    sunset: '2027-01-31',\n  },"),
        '2027-06-30',
      ),
    ).toBe(api("deprecated: {\n    since: '2026-12-01',\n    sunset: '2027-06-30',\n  },"));
  });

  it('adds the field after the last one when the declaration lists no deprecated line', () => {
    const source = api('').replace("  method: 'GET',\n", "  method: 'GET',\n");
    expect(mark(source)).toBe(
      source.replace("  method: 'GET',\n", "  method: 'GET',\n  deprecated: true,\n"),
    );
    expect(
      markDeprecated(
        "@MindoffApi({ urlName: 'a__b', name: 'B', method: 'GET' })\nexport class BV1Api {}\n",
        'BV1Api',
        undefined,
        'b.ts',
      ),
    ).toBe(
      "@MindoffApi({ urlName: 'a__b', name: 'B', method: 'GET', deprecated: true })\nexport class BV1Api {}\n",
    );
  });

  it('edits the declaration of the class named, in a file with several', () => {
    const two = `@MindoffApi({\n  urlName: 'a__b',\n  // deprecated: false,\n})\nexport class BV1Api {}\n\n@MindoffApi({\n  urlName: 'a__c',\n  // deprecated: false,\n})\nexport class CV1Api {}\n`;
    expect(markDeprecated(two, 'CV1Api', undefined, 'x.ts')).toBe(
      two.replace("'a__c',\n  // deprecated: false,", "'a__c',\n  deprecated: true,"),
    );
  });

  it('is not misled by deprecated in a string, a nested object or another decorator', () => {
    const source = `@Injectable({ deprecated: false })
@MindoffApi({
  urlName: 'a__b',
  description: 'deprecated: false, once',
  limits: { deprecated: false },
  method: 'GET',
})
export class BV1Api {}
`;
    expect(markDeprecated(source, 'BV1Api', undefined, 'b.ts')).toBe(
      source.replace("  method: 'GET',\n", "  method: 'GET',\n  deprecated: true,\n"),
    );
  });

  it('says what to do when the class has no @MindoffApi({ ... })', () => {
    expect(() => mark('export class CreateOrderV1Api {}\n')).toThrow(
      'src/create-order.v1.api.ts: cannot find @MindoffApi({ ... }) on class CreateOrderV1Api; add deprecated: true to its declaration yourself.',
    );
    expect(() =>
      mark("@MindoffApi({ urlName: 'a__b' })\nclass Other {}\nexport class CreateOrderV1Api {}\n"),
    ).toThrow('cannot find @MindoffApi({ ... }) on class CreateOrderV1Api');
  });
});

describe('clearDeprecated', () => {
  it('puts a deprecated line back at its commented-out default, hint and all', () => {
    expect(clearDeprecated(api(`deprecated: true, ${HINT}`), 'CreateOrderV1Api')).toBe(
      api(`// deprecated: false, ${HINT}`),
    );
    expect(
      clearDeprecated(
        api("deprecated: {\n    since: '2026-12-01',\n    sunset: '2027-06-30',\n  },"),
        'CreateOrderV1Api',
      ),
    ).toBe(api('// deprecated: false,'));
  });

  it('removes the field when it shares its line with others', () => {
    const line = (fields: string) => `@MindoffApi({ ${fields} })\nexport class BV2Api {}\n`;
    expect(
      clearDeprecated(line("urlName: 'a__b', deprecated: true, method: 'GET'"), 'BV2Api'),
    ).toBe(line("urlName: 'a__b', method: 'GET'"));
    expect(clearDeprecated(line("urlName: 'a__b', deprecated: true"), 'BV2Api')).toBe(
      line("urlName: 'a__b'"),
    );
  });

  it('leaves a declaration that is not deprecated alone', () => {
    const source = api(`// deprecated: false, ${HINT}`);
    expect(clearDeprecated(source, 'CreateOrderV1Api')).toBe(source);
  });
});
