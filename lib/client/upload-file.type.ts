/**
 * One file of an upload call: a `Blob` or `File` (a `File` keeps its name and type), or bytes with
 * the file name to send (`type` is the part's content type, default none). A stream is not taken:
 * a call may be sent again (retries of an idempotent API), and a stream cannot be read twice; read
 * it into a `Blob` first.
 *
 * @example
 * const avatar: UploadFile = { data: await readFile('me.png'), filename: 'me.png', type: 'image/png' };
 */
export type UploadFile = Blob | { data: Uint8Array | Blob; filename: string; type?: string };

/** What a file field takes: one file, or for a field that takes several (`maxCount` > 1) a list. */
export type UploadFiles = UploadFile | readonly UploadFile[];
