import { SseParser, type SseEvent } from './sse.parser';

const STREAM =
  ': connected\r\n' +
  'id: 1\r\ndata: {"percent":20}\r\n\r\n' +
  ': heartbeat\n\n' +
  'id: 2\ndata: line one\ndata: line two\n\n' +
  'event: done\rid: 3\rdata: {"percent":100}\r\r';

const EXPECTED: SseEvent[] = [
  { event: 'message', data: '{"percent":20}', id: '1' },
  { event: 'message', data: 'line one\nline two', id: '2' },
  { event: 'done', data: '{"percent":100}', id: '3' },
];

function parseInChunks(text: string, cuts: number[]): SseEvent[] {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    events.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  return events;
}

describe('SseParser', () => {
  it('reads events, ids and multi-line data with LF, CRLF and CR line ends, dropping comments', () => {
    expect(new SseParser().push(STREAM)).toEqual(EXPECTED);
  });

  it('gives the same events however the stream is cut into chunks (every single cut)', () => {
    for (let cut = 1; cut < STREAM.length; cut++) {
      expect(parseInChunks(STREAM, [cut])).toEqual(EXPECTED);
    }
  });

  it('gives the same events one character at a time (a CRLF split across chunks is one line end)', () => {
    const cuts = Array.from({ length: STREAM.length - 1 }, (_, i) => i + 1);
    expect(parseInChunks(STREAM, cuts)).toEqual(EXPECTED);
  });

  it('returns nothing until the blank line that ends an event arrives', () => {
    const parser = new SseParser();
    expect(parser.push('id: 9\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: '{"a":1}', id: '9' }]);
  });

  it('keeps the last id for events without one, and ignores events without data', () => {
    const parser = new SseParser();
    expect(parser.push('id: 4\n\ndata: x\n\nid\ndata: y\n\n')).toEqual([
      { event: 'message', data: 'x', id: '4' },
      { event: 'message', data: 'y', id: '' },
    ]);
  });

  it('strips a leading byte order mark and keeps a value without the space after the colon', () => {
    expect(new SseParser().push('\uFEFFdata:no-space\n\n')).toEqual([
      { event: 'message', data: 'no-space', id: undefined },
    ]);
  });
});
