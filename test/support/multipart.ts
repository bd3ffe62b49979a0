/** One part of a multipart/form-data body written by hand (any header, any bytes). */
export interface FormPart {
  name?: string;
  /** Present for a file part (may be '' or a path such as '../x.png'). */
  filename?: string;
  type?: string;
  body: string | Buffer;
  /** Raw header lines used instead of the ones built from name, filename and type. */
  headers?: string[];
}

export const BOUNDARY = '----mindoffFormBoundary7MA4YWxk';

/** The bytes of a multipart/form-data body; `close: false` leaves out the closing boundary. */
export function formBody(parts: FormPart[], { boundary = BOUNDARY, close = true } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers = part.headers ?? [
      `Content-Disposition: form-data${part.name === undefined ? '' : `; name="${part.name}"`}${
        part.filename === undefined ? '' : `; filename="${part.filename}"`
      }`,
      ...(part.type ? [`Content-Type: ${part.type}`] : []),
    ];
    chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`));
    chunks.push(typeof part.body === 'string' ? Buffer.from(part.body) : part.body);
    chunks.push(Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** The Content-Type of a body built by `formBody`. */
export const FORM_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** The first bytes of real files of each signature type, padded to `size` bytes. */
export const FILE_HEADS = {
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]),
  gif: Buffer.from('GIF89a'),
  webp: Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'),
  pdf: Buffer.from('%PDF-1.7\n'),
};

/** A file of `size` bytes opening with `head`, the rest a repeating, recognisable pattern. */
export function fileOf(head: Buffer, size: number): Buffer {
  const file = Buffer.alloc(size);
  for (let i = 0; i < size; i++) file[i] = (i * 31 + 7) & 0xff;
  head.copy(file, 0, 0, Math.min(head.length, size));
  return file;
}
