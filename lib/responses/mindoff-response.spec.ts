import { Readable } from 'node:stream';
import { MindoffResponse } from './mindoff-response';
import { MindoffValidationError } from './mindoff-validation.error';

describe('MindoffResponse', () => {
  describe('json', () => {
    it('carries the code, category and data for the envelope renderer', () => {
      const response = MindoffResponse.json({
        code: 'ORDER_CREATED',
        category: 'info',
        data: { id: 7 },
      });
      expect(response.kind).toBe('json');
      expect(response.code).toBe('ORDER_CREATED');
      expect(response.category).toBe('info');
      expect(response.data).toEqual({ id: 7 });
    });

    it('leaves category and data undefined for the catalog to default', () => {
      const response = MindoffResponse.json({ code: 'SUCCESS' });
      expect(response.category).toBeUndefined();
      expect(response.data).toBeUndefined();
    });
  });

  describe('text and html', () => {
    it('sends text as text/plain with status 200 by default', () => {
      const response = MindoffResponse.text('plain words');
      expect(response).toMatchObject({
        kind: 'text',
        status: 200,
        contentType: 'text/plain; charset=utf-8',
        body: 'plain words',
      });
    });

    it('sends text with the chosen status', () => {
      expect(MindoffResponse.text('accepted', { status: 202 }).status).toBe(202);
    });

    it('sends html as text/html', () => {
      const response = MindoffResponse.html('<h1>hi</h1>', { status: 404 });
      expect(response).toMatchObject({
        kind: 'html',
        status: 404,
        contentType: 'text/html; charset=utf-8',
        body: '<h1>hi</h1>',
      });
    });

    it.each([99, 302, 600, 200.5])('rejects status %p', (status) => {
      expect(() => MindoffResponse.text('x', { status })).toThrow(RangeError);
      expect(() => MindoffResponse.html('x', { status })).toThrow(
        `MindoffResponse.html: status ${status} is not allowed; use 200-299 or 400-599.`,
      );
    });
  });

  describe('file', () => {
    it('names a file path by its base name and guesses its type from the extension', () => {
      const response = MindoffResponse.file('/var/data/exports/report.csv');
      expect(response).toMatchObject({
        kind: 'file',
        source: '/var/data/exports/report.csv',
        filename: 'report.csv',
        contentType: 'text/csv',
        disposition: 'attachment; filename="report.csv"',
      });
    });

    it.each([
      ['a.json', 'application/json'],
      ['a.txt', 'text/plain'],
      ['a.HTML', 'text/html'],
      ['a.pdf', 'application/pdf'],
      ['a.png', 'image/png'],
      ['a.jpg', 'image/jpeg'],
      ['a.jpeg', 'image/jpeg'],
      ['a.zip', 'application/zip'],
      ['a.docx', 'application/octet-stream'],
      ['no-extension', 'application/octet-stream'],
    ])('guesses the type of %s as %s', (filename, contentType) => {
      expect(MindoffResponse.file(Buffer.from('x'), { filename }).contentType).toBe(contentType);
    });

    it('names a bare buffer download.bin and sends it as octet-stream', () => {
      const bytes = Buffer.from([1, 2, 3]);
      const response = MindoffResponse.file(bytes);
      expect(response.source).toBe(bytes);
      expect(response.filename).toBe('download.bin');
      expect(response.contentType).toBe('application/octet-stream');
      expect(response.disposition).toBe('attachment; filename="download.bin"');
    });

    it('names a buffer with an extension from the given content type', () => {
      const response = MindoffResponse.file(Buffer.from('%PDF'), {
        contentType: 'application/pdf',
      });
      expect(response.filename).toBe('download.pdf');
      expect(response.contentType).toBe('application/pdf');
    });

    it('ignores content type parameters when choosing the extension', () => {
      const response = MindoffResponse.file(Buffer.from('a'), {
        contentType: 'text/csv; charset=utf-8',
      });
      expect(response.filename).toBe('download.csv');
      expect(response.contentType).toBe('text/csv; charset=utf-8');
    });

    it('uses the given file name and content type over guesses', () => {
      const response = MindoffResponse.file('/tmp/x.bin', {
        filename: 'report.csv',
        contentType: 'application/vnd.ms-excel',
      });
      expect(response.filename).toBe('report.csv');
      expect(response.contentType).toBe('application/vnd.ms-excel');
    });

    it('accepts a readable stream', () => {
      const stream = Readable.from(['a']);
      const response = MindoffResponse.file(stream, { filename: 'a.txt' });
      expect(response.source).toBe(stream);
      expect(response.contentType).toBe('text/plain');
    });

    it('escapes quotes and backslashes in the file name', () => {
      const response = MindoffResponse.file(Buffer.from(''), { filename: 'my "best" \\ file.txt' });
      expect(response.disposition).toBe('attachment; filename="my \\"best\\" \\\\ file.txt"');
    });

    it('adds an RFC 6266 filename* for a non-ASCII name with an accent-stripped ASCII fallback', () => {
      const response = MindoffResponse.file(Buffer.from(''), { filename: 'résumé (final).pdf' });
      expect(response.disposition).toBe(
        `attachment; filename="resume (final).pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%28final%29.pdf`,
      );
      expect(response.contentType).toBe('application/pdf');
    });

    it('replaces characters with no ASCII form by underscores in the fallback', () => {
      const response = MindoffResponse.file('/data/報告.csv');
      expect(response.filename).toBe('報告.csv');
      expect(response.disposition).toBe(
        `attachment; filename="__.csv"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.csv`,
      );
    });

    it('drops control characters so the header cannot be split', () => {
      const response = MindoffResponse.file(Buffer.from(''), {
        filename: 'a\r\nSet-Cookie: x.txt',
      });
      expect(response.disposition).toBe('attachment; filename="aSet-Cookie: x.txt"');
    });
  });

  describe('instanceof', () => {
    it('recognises every kind made by the factories', () => {
      expect(MindoffResponse.json({ code: 'SUCCESS' })).toBeInstanceOf(MindoffResponse);
      expect(MindoffResponse.text('x')).toBeInstanceOf(MindoffResponse);
      expect(MindoffResponse.file(Buffer.from(''))).toBeInstanceOf(MindoffResponse);
    });

    it('does not mistake a plain object with a kind for a response', () => {
      expect({ kind: 'json', code: 'SUCCESS' } instanceof MindoffResponse).toBe(false);
      const nothing: unknown = null;
      expect(nothing instanceof MindoffResponse).toBe(false);
    });

    it('narrows to the kind in a switch', () => {
      const value: unknown = MindoffResponse.html('<p>x</p>');
      if (!(value instanceof MindoffResponse)) throw new Error('expected a MindoffResponse');
      switch (value.kind) {
        case 'json':
          throw new Error(`unexpected json ${value.code}`);
        case 'text':
        case 'html':
          expect(value.contentType).toBe('text/html; charset=utf-8');
          break;
        case 'file':
          throw new Error(`unexpected file ${value.filename}`);
      }
    });

    it('is frozen', () => {
      expect(Object.isFrozen(MindoffResponse.text('x'))).toBe(true);
    });
  });
});

describe('MindoffValidationError', () => {
  it('carries the code, category and data to answer with', () => {
    const error = new MindoffValidationError({
      code: 'VALIDATION_ERR',
      category: 'warning',
      data: { field: 'is wrong' },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(MindoffValidationError);
    expect(error.name).toBe('MindoffValidationError');
    expect(error.code).toBe('VALIDATION_ERR');
    expect(error.category).toBe('warning');
    expect(error.data).toEqual({ field: 'is wrong' });
  });

  it('leaves category and data undefined when not given', () => {
    const error = new MindoffValidationError({ code: 'INVALID_PAYLOAD' });
    expect(error.category).toBeUndefined();
    expect(error.data).toBeUndefined();
    expect(error.message).toContain('INVALID_PAYLOAD');
  });
});
