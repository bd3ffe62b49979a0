import type { IncomingMessage, ServerResponse } from 'node:http';

type Parsed = IncomingMessage & { body?: unknown; rawBody?: Buffer };

/**
 * A body parser of the app's own, one mindoff does not know by name: it reads the body as UTF-8
 * JSON (every body, or only JSON-typed ones with `jsonOnly`), keeping the bytes as `rawBody` with
 * `keepBytes`; a body that is not JSON leaves `body` undefined.
 */
export function ownParser(options: { keepBytes: boolean; jsonOnly?: boolean }) {
  return (req: Parsed, _res: ServerResponse, next: (error?: unknown) => void) => {
    if (options.jsonOnly && !(req.headers['content-type'] ?? '').includes('json')) return next();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      if (options.keepBytes) req.rawBody = bytes;
      try {
        req.body = bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : undefined;
      } catch {
        req.body = undefined;
      }
      next();
    });
  };
}
