import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RESPONSES } from './default-responses';
import { ResponseCatalog } from './response.catalog';
import { ResponsesCsvError } from './responses-csv.error';

const HEADER = 'code,title,description,http_status';

describe('ResponseCatalog', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mindoff-catalog-'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  function write(text: string): string {
    const path = join(root, 'responses.csv');
    writeFileSync(path, text);
    return path;
  }

  describe('built from the defaults only', () => {
    const catalog = ResponseCatalog.fromRows();

    it('has every built-in code in table order', () => {
      expect(catalog.codes()).toEqual(DEFAULT_RESPONSES.map((r) => r.code));
      for (const { code } of DEFAULT_RESPONSES) expect(catalog.has(code)).toBe(true);
    });

    it('derives the envelope status from the HTTP status', () => {
      expect(catalog.get('SUCCESS')).toEqual({
        code: 'SUCCESS',
        title: 'Success',
        description: 'Operation completed successfully.',
        httpStatus: 200,
        status: 'ok',
      });
      expect(catalog.get('VALIDATION_ERR')?.status).toBe('fail');
      expect(catalog.get('RATE_LIMITED')?.status).toBe('fail');
      expect(catalog.get('UNEXPECTED_ERR')?.status).toBe('exception');
      expect(catalog.get('QUEUE_SERVICE_UNAVAILABLE')?.status).toBe('exception');
    });

    it('returns undefined for a code it lacks', () => {
      expect(catalog.get('NOPE')).toBeUndefined();
      expect(catalog.has('NOPE')).toBe(false);
      expect(catalog.isKnown('NOPE')).toBe(false);
    });

    it('looks codes up exactly, without changing their case', () => {
      expect(catalog.has('success')).toBe(false);
    });

    it('hands out entries that cannot be changed', () => {
      const entry = catalog.get('SUCCESS')!;
      expect(Object.isFrozen(entry)).toBe(true);
    });

    it('hands out a copy of its code list', () => {
      catalog.codes().push('SNEAKY');
      expect(catalog.has('SNEAKY')).toBe(false);
    });
  });

  describe('envelope', () => {
    const catalog = ResponseCatalog.fromRows();

    it('answers a 2xx code with status ok, category success and empty-array data', () => {
      expect(catalog.envelope('SUCCESS')).toEqual({
        httpStatus: 200,
        body: {
          status: 'ok',
          message: {
            code: 'SUCCESS',
            title: 'Success',
            description: 'Operation completed successfully.',
            category: 'success',
          },
          data: [],
        },
      });
    });

    it('answers a 4xx code with status fail and category danger', () => {
      const { httpStatus, body } = catalog.envelope('PERMISSION_DENIED');
      expect(httpStatus).toBe(403);
      expect(body.status).toBe('fail');
      expect(body.message.category).toBe('danger');
    });

    it('answers a 5xx code with status exception', () => {
      const { httpStatus, body } = catalog.envelope('QUEUE_SERVICE_UNAVAILABLE');
      expect(httpStatus).toBe(503);
      expect(body.status).toBe('exception');
    });

    it('uses the given category and data', () => {
      const { body } = catalog.envelope('VALIDATION_ERR', 'warning', { email: 'is required' });
      expect(body.message.category).toBe('warning');
      expect(body.data).toEqual({ email: 'is required' });
    });

    it('passes falsy data through as given and only replaces undefined', () => {
      expect(catalog.envelope('SUCCESS', undefined, null).body.data).toBeNull();
      expect(catalog.envelope('SUCCESS', undefined, 0).body.data).toBe(0);
      expect(catalog.envelope('SUCCESS', undefined, '').body.data).toBe('');
      expect(catalog.envelope('SUCCESS', undefined, false).body.data).toBe(false);
      expect(catalog.envelope('SUCCESS', undefined, undefined).body.data).toEqual([]);
    });

    it('answers an unknown code with UNEXPECTED_ERR 500, dropping the given category and data', () => {
      expect(catalog.envelope('NO_SUCH_CODE', 'success', { secret: 1 })).toEqual({
        httpStatus: 500,
        body: {
          status: 'exception',
          message: {
            code: 'UNEXPECTED_ERR',
            title: 'Uh oh!',
            description: 'An Unexpected Error has occurred.',
            category: 'danger',
          },
          data: [],
        },
      });
    });

    it('builds a fresh body each time, so changing one answer leaves the next intact', () => {
      const first = catalog.envelope('SUCCESS');
      first.body.message.title = 'changed';
      (first.body.data as unknown[]).push(1);
      const second = catalog.envelope('SUCCESS');
      expect(second.body.message.title).toBe('Success');
      expect(second.body.data).toEqual([]);
    });
  });

  describe('fromFile', () => {
    it('falls back to the defaults when the file does not exist', () => {
      const catalog = ResponseCatalog.fromFile(join(root, 'missing.csv'));
      expect(catalog.codes()).toEqual(DEFAULT_RESPONSES.map((r) => r.code));
    });

    it('adds the app codes after the defaults and lets app rows override defaults', () => {
      const path = write(
        [
          '# App codes.',
          HEADER,
          'ORDER_CREATED,Order Created,Your order has been placed.,201',
          'validation_err,Check Your Input,Some fields need attention.,422',
        ].join('\n'),
      );
      const catalog = ResponseCatalog.fromFile(path);

      expect(catalog.codes()).toEqual([...DEFAULT_RESPONSES.map((r) => r.code), 'ORDER_CREATED']);
      expect(catalog.envelope('ORDER_CREATED')).toEqual({
        httpStatus: 201,
        body: {
          status: 'ok',
          message: {
            code: 'ORDER_CREATED',
            title: 'Order Created',
            description: 'Your order has been placed.',
            category: 'success',
          },
          data: [],
        },
      });
      expect(catalog.get('VALIDATION_ERR')).toEqual({
        code: 'VALIDATION_ERR',
        title: 'Check Your Input',
        description: 'Some fields need attention.',
        httpStatus: 422,
        status: 'fail',
      });
      expect(catalog.get('SUCCESS')?.title).toBe('Success');
    });

    it('reads config/responses.csv under the working directory by default', () => {
      mkdirSync(join(root, 'config'));
      writeFileSync(join(root, 'config', 'responses.csv'), `${HEADER}\nFROM_CWD,T,D,200\n`);
      jest.spyOn(process, 'cwd').mockReturnValue(root);
      expect(ResponseCatalog.fromFile().has('FROM_CWD')).toBe(true);
    });

    it('refuses a file with problems instead of starting with a partial catalog', () => {
      const path = write(`${HEADER}\nBROKEN,T,D,302\n`);
      expect(() => ResponseCatalog.fromFile(path)).toThrow(ResponsesCsvError);
    });
  });

  describe('fromRows', () => {
    it('adds and overrides codes like a file does', () => {
      const catalog = ResponseCatalog.fromRows([
        { code: 'SUCCESS', title: 'Done', description: 'All done.', httpStatus: 200 },
        { code: 'TEAPOT', title: 'Teapot', description: 'Short and stout.', httpStatus: 418 },
      ]);
      expect(catalog.get('SUCCESS')?.title).toBe('Done');
      expect(catalog.envelope('TEAPOT').body.status).toBe('fail');
    });

    it('answers unknown codes with an overridden UNEXPECTED_ERR', () => {
      const catalog = ResponseCatalog.fromRows([
        {
          code: 'UNEXPECTED_ERR',
          title: 'Sorry',
          description: 'Something broke.',
          httpStatus: 500,
        },
      ]);
      expect(catalog.envelope('NOPE').body.message.title).toBe('Sorry');
    });

    it.each([302, 100, 600, 200.5])(
      'rejects HTTP status %p, which cannot carry an envelope',
      (httpStatus) => {
        expect(() =>
          ResponseCatalog.fromRows([{ code: 'MOVED', title: 'T', description: 'D', httpStatus }]),
        ).toThrow(`Response code 'MOVED': httpStatus ${httpStatus} cannot carry an envelope`);
      },
    );
  });
});

describe('ResponseCatalog.envelopeJson', () => {
  const hostile = ResponseCatalog.fromRows([
    {
      code: 'ODD "CODE" \u2028',
      title: '</script><script>alert(1)</script>',
      description: 'Quotes " and \\ backslashes, \n newlines, \ud800 a lone surrogate, é',
      httpStatus: 201,
    },
  ]);
  const categories = [undefined, 'danger', 'warning', 'info', 'success'] as const;

  it('writes the same text as JSON.stringify of the envelope, for every code and category', () => {
    for (const code of hostile.codes()) {
      for (const category of categories) {
        const data = { id: 1, note: 'é "x"' };
        const { httpStatus, json } = hostile.envelopeJson(code, category, JSON.stringify(data));
        const expected = hostile.envelope(code, category, data);
        expect(json).toBe(JSON.stringify(expected.body));
        expect(httpStatus).toBe(expected.httpStatus);
      }
    }
  });

  it('answers an unknown code with UNEXPECTED_ERR and [] as data, whatever data was given', () => {
    const { httpStatus, json } = hostile.envelopeJson('NOPE', 'info', '{"secret":1}');
    expect(httpStatus).toBe(500);
    expect(json).toBe(JSON.stringify(hostile.envelope('UNEXPECTED_ERR').body));
  });

  it('writes a category outside the four (from untyped code) as given, like envelope()', () => {
    const odd = 'constructor' as never;
    const { json } = hostile.envelopeJson('SUCCESS', odd, 'null');
    expect(json).toBe(JSON.stringify(hostile.envelope('SUCCESS', odd, null).body));
  });
});
