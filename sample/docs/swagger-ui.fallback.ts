import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface FastifyLike {
  get(
    path: string,
    handler: (
      request: { params: Record<string, string> },
      reply: { type(t: string): { send(body: unknown): unknown }; callNotFound(): void },
    ) => unknown,
  ): void;
}

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'application/javascript',
};

/**
 * Whether `SwaggerModule.setup` can serve Swagger UI's files here: always on express; on fastify
 * only with the `@fastify/static` package installed (without it, @nestjs/swagger stops the process).
 */
export function canServeSwaggerUiAssets(app: INestApplication): boolean {
  if (app.getHttpAdapter().getType() !== 'fastify') return true;
  try {
    require.resolve('@fastify/static');
    return true;
  } catch {
    return false;
  }
}

/** Serves Swagger UI on fastify without `@fastify/static`: one page and the two files it loads. */
export function serveSwaggerUi(app: INestApplication, path: string, documentUrl: string): void {
  const fromSwagger = createRequire(require.resolve('@nestjs/swagger'));
  const root = (fromSwagger('swagger-ui-dist/absolute-path.js') as () => string)();
  const fastify = app.getHttpAdapter().getInstance() as FastifyLike;
  const page = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8"><title>mindoff sample API</title>
<link rel="stylesheet" href="${path}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="${path}/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '${documentUrl}', dom_id: '#swagger-ui', showExtensions: true });</script>
</body></html>`;
  fastify.get(path, (_request, reply) => reply.type('text/html').send(page));
  fastify.get(`${path}/:asset`, (request, reply) => {
    const type = ASSETS[request.params.asset];
    if (!type) return reply.callNotFound();
    return reply.type(type).send(readFileSync(join(root, request.params.asset)));
  });
}
