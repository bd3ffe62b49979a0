import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResponsesCsvError } from './responses-csv.error';
import { loadResponsesCsv } from './responses-csv.loader';

const FILE = 'config/responses.csv';
const HEADER = 'code,title,description,http_status';

describe('loadResponsesCsv', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mindoff-responses-'));
    mkdirSync(join(root, 'config'));
    // Messages name the file relative to the working directory, as an app would see it.
    jest.spyOn(process, 'cwd').mockReturnValue(root);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  function write(text: string): string {
    const path = join(root, FILE);
    writeFileSync(path, text);
    return path;
  }

  function problemsOf(text: string): string[] {
    const path = write(text);
    try {
      loadResponsesCsv(path);
    } catch (error) {
      expect(error).toBeInstanceOf(ResponsesCsvError);
      return (error as ResponsesCsvError).problems;
    }
    throw new Error('expected loadResponsesCsv to throw');
  }

  it('reads each row as a code, title, description and numeric HTTP status', () => {
    const path = write(`${HEADER}\nORDER_CREATED,Order Created,Your order has been placed.,201\n`);
    expect(loadResponsesCsv(path)).toEqual([
      {
        code: 'ORDER_CREATED',
        title: 'Order Created',
        description: 'Your order has been placed.',
        httpStatus: 201,
      },
    ]);
  });

  it('trims every value and upper-cases codes', () => {
    const path = write(`${HEADER}\n  order_created , Order Created ,  Placed.  , 201 \n`);
    expect(loadResponsesCsv(path)).toEqual([
      { code: 'ORDER_CREATED', title: 'Order Created', description: 'Placed.', httpStatus: 201 },
    ]);
  });

  it('matches headers case-insensitively in any order and ignores extra columns', () => {
    const path = write(
      ' HTTP_Status ,Notes,Description, Code ,TITLE\n404,internal,Gone.,ITEM_GONE,Gone\n',
    );
    expect(loadResponsesCsv(path)).toEqual([
      { code: 'ITEM_GONE', title: 'Gone', description: 'Gone.', httpStatus: 404 },
    ]);
  });

  it('keeps commas and quotes inside quoted values', () => {
    const path = write(`${HEADER}\nQUOTED,"Hello, you","Say ""hi"", then go.",200\n`);
    expect(loadResponsesCsv(path)[0]).toMatchObject({
      title: 'Hello, you',
      description: 'Say "hi", then go.',
    });
  });

  it('reads a tab-separated file, detected from its header line', () => {
    const path = write(
      'code\ttitle\tdescription\thttp_status\nTABBED\tTabbed, really\tCommas, stay.\t200\n',
    );
    expect(loadResponsesCsv(path)).toEqual([
      { code: 'TABBED', title: 'Tabbed, really', description: 'Commas, stay.', httpStatus: 200 },
    ]);
  });

  it('skips comment lines before the header and between rows but keeps # inside values', () => {
    const path = write(
      `# How to add a code: one row per code.\n${HEADER}\n# orders\nA_ONE,Title,Order #5 placed.,200\n`,
    );
    expect(loadResponsesCsv(path)).toEqual([
      { code: 'A_ONE', title: 'Title', description: 'Order #5 placed.', httpStatus: 200 },
    ]);
  });

  it('skips blank lines, whitespace-only lines and separator-only lines', () => {
    const path = write(`\n${HEADER}\n\n   \nA_ONE,T,D,200\n,,,\n\n`);
    expect(loadResponsesCsv(path).map((r) => r.code)).toEqual(['A_ONE']);
  });

  it('accepts a file with only a header as no rows', () => {
    expect(loadResponsesCsv(write(`${HEADER}\n`))).toEqual([]);
  });

  it('accepts a byte order mark and Windows line endings', () => {
    const path = write(`\uFEFF${HEADER}\r\nA_ONE,T,D,200\r\n`);
    expect(loadResponsesCsv(path)).toEqual([
      { code: 'A_ONE', title: 'T', description: 'D', httpStatus: 200 },
    ]);
  });

  it('reports a missing header by name with the line the file must start with', () => {
    expect(problemsOf('code,title,description\nA,T,D\n')).toEqual([
      `${FILE}: missing header(s) http_status; the first line must be code,title,description,http_status.`,
    ]);
  });

  it('reports several missing headers at once', () => {
    expect(problemsOf('code,name\nA,B\n')).toEqual([
      `${FILE}: missing header(s) title, description, http_status; the first line must be code,title,description,http_status.`,
    ]);
  });

  it('reports a file with no header at all', () => {
    expect(problemsOf('# only a comment\n\n')).toEqual([
      `${FILE}: has no header; the first line must be code,title,description,http_status.`,
    ]);
  });

  it('reports a required header given twice', () => {
    expect(problemsOf(`${HEADER},code\nA,T,D,200,B\n`)).toEqual([
      `${FILE} line 1: header 'code' appears more than once; keep one code column.`,
    ]);
  });

  it('reports a duplicate code with both line numbers, comparing codes after upper-casing', () => {
    expect(
      problemsOf(`${HEADER}\nORDER_CREATED,A,B,201\nOTHER,A,B,200\norder_created,C,D,201\n`),
    ).toEqual([
      `${FILE} line 4: duplicate code 'ORDER_CREATED' (first at line 2); keep one row per code.`,
    ]);
  });

  it('reports empty fields by name', () => {
    expect(problemsOf(`${HEADER}\nA_ONE, ,,200\n`)).toEqual([
      `${FILE} line 2: empty title, description; every row needs a code, title, description and http_status.`,
    ]);
  });

  it('reports an empty code', () => {
    expect(problemsOf(`${HEADER}\n,T,D,200\n`)).toEqual([
      `${FILE} line 2: empty code; every row needs a code, title, description and http_status.`,
    ]);
  });

  it.each(['abc', '20.5', '-400', '4e2'])(
    'reports http_status %p as not a whole number',
    (value) => {
      expect(problemsOf(`${HEADER}\nA_ONE,T,D,${value}\n`)).toEqual([
        `${FILE} line 2: http_status '${value}' is not a whole number; write an HTTP status such as 200, 404 or 500.`,
      ]);
    },
  );

  it.each(['100', '199', '301', '399', '600', '0'])('rejects http_status %s', (value) => {
    expect(problemsOf(`${HEADER}\nA_ONE,T,D,${value}\n`)).toEqual([
      `${FILE} line 2: http_status ${value} is not allowed; use 200-299 for success or 400-599 for errors (1xx and 3xx cannot carry an envelope).`,
    ]);
  });

  it('accepts http_status at the edges of the allowed ranges', () => {
    const path = write(`${HEADER}\nA,T,D,200\nB,T,D,299\nC,T,D,400\nD,T,D,599\n`);
    expect(loadResponsesCsv(path).map((r) => r.httpStatus)).toEqual([200, 299, 400, 599]);
  });

  it('reports a row with more fields than the header, as an unquoted comma makes', () => {
    expect(problemsOf(`${HEADER}\nA_ONE,T,Placed, thanks.,200\n`)).toEqual([
      `${FILE} line 2: has 5 field(s) but the header has 4; give every row one value per header column and wrap a value that contains a comma in double quotes.`,
    ]);
  });

  it('names the tab in the field-count fix of a tab-separated file', () => {
    expect(problemsOf('code\ttitle\tdescription\thttp_status\nA_ONE\tT\t200\n')).toEqual([
      `${FILE} line 2: has 3 field(s) but the header has 4; give every row one value per header column and wrap a value that contains a tab in double quotes.`,
    ]);
  });

  it('reports the first broken quote with its line and how to quote, plus problems before it', () => {
    const problems = problemsOf(
      `${HEADER}\nA_ONE,T,D,abc\nB_TWO,"Bad"quote,D,200\nC_THREE,T,D,200\nD_FOUR,"open,D,200\n`,
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^config\/responses\.csv line 2: http_status 'abc'/);
    expect(problems[1]).toMatch(
      /^config\/responses\.csv line 3: cannot be parsed \(Invalid Closing Quote: got "q" at line 3/,
    );
    expect(problems[1]).toContain(
      'wrap a value that contains a comma, quote or line break in double quotes and write a quote inside it as "". Lines after it were not checked.',
    );
  });

  it('reports a quote left open to the end of the file', () => {
    const problems = problemsOf(`${HEADER}\nA_ONE,"open,D,200\nB_TWO,T,D,200\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^config\/responses\.csv line \d+: cannot be parsed \(Quote Not Closed/,
    );
  });

  it('keeps line numbers right after comments, blank lines and multi-line quoted values', () => {
    const text = [
      '# Response codes of the app.', // 1
      '# Add a row per code.', // 2
      HEADER, // 3
      '', // 4
      'A_ONE,T,"first line', // 5
      'second line",200', // 6
      '# a comment between rows', // 7
      '', // 8
      'A_ONE,T,D,200', // 9
      'B_TWO,T,D,302', // 10
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      `${FILE} line 9: duplicate code 'A_ONE' (first at line 5); keep one row per code.`,
      `${FILE} line 10: http_status 302 is not allowed; use 200-299 for success or 400-599 for errors (1xx and 3xx cannot carry an envelope).`,
    ]);
  });

  it('keeps line numbers right in a Windows file with a multi-line quoted value', () => {
    const text = `${HEADER}\r\nA_ONE,T,"two\r\nlines",200\r\nB_TWO,T,D,abc\r\n`;
    expect(problemsOf(text)).toEqual([
      `${FILE} line 4: http_status 'abc' is not a whole number; write an HTTP status such as 200, 404 or 500.`,
    ]);
  });

  it('reports every problem at once, in line order, in one error', () => {
    const path = write(
      [
        HEADER,
        'GOOD,T,D,200',
        'GOOD,T,D,200',
        'EMPTY,,D,200',
        'BAD_STATUS,T,D,700',
        'TOO,MANY,FIELDS,HERE,200',
      ].join('\n'),
    );
    let thrown: unknown;
    try {
      loadResponsesCsv(path);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ResponsesCsvError);
    const error = thrown as ResponsesCsvError;
    expect(error.name).toBe('ResponsesCsvError');
    expect(error.file).toBe(FILE);
    expect(error.problems.map((p) => p.split(':')[0])).toEqual([
      `${FILE} line 3`,
      `${FILE} line 4`,
      `${FILE} line 5`,
      `${FILE} line 6`,
    ]);
    expect(error.message).toContain('config/responses.csv has 4 problem(s)');
    for (const problem of error.problems) expect(error.message).toContain(problem);
  });

  it('names a file outside the working directory by the path it was given', () => {
    const outside = mkdtempSync(join(tmpdir(), 'mindoff-outside-'));
    try {
      const path = join(outside, 'codes.csv');
      writeFileSync(path, 'code\n');
      expect(() => loadResponsesCsv(path)).toThrow(`${path}: missing header(s) title`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reports a path that cannot be read as a ResponsesCsvError', () => {
    let thrown: unknown;
    try {
      loadResponsesCsv(join(root, 'config'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ResponsesCsvError);
    expect((thrown as ResponsesCsvError).problems).toEqual([
      'config: cannot be read (EISDIR: illegal operation on a directory, read); point responsesPath at a readable CSV file.',
    ]);
  });
});
