import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { MindoffOpenApi } from 'mindoff';

/**
 * The API docs: Swagger UI at `/docs`, the OpenAPI 3.1 document at `/docs-json`. The document is
 * built on its first request, once mindoff has compiled the APIs.
 */
export function setupApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('mindoff sample')
    .setDescription('Every answer is the envelope `{ status, message, data }`.')
    .setVersion('1.0.0')
    .setOpenAPIVersion('3.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'demo-token-asha' }, 'bearer')
    .build();
  const document = () => MindoffOpenApi.createDocument(app, config);
  // showExtensions: Swagger UI then shows each operation's x-ratelimit. (On fastify, Swagger UI
  // serves its files with @fastify/static.)
  SwaggerModule.setup('docs', app, document, { swaggerOptions: { showExtensions: true } });
}
