import { loadOptionalPeer } from '../optional-peer';
import { swaggerMissing } from './openapi.messages';

/** The @nestjs/swagger module, loaded on first use: it is an optional peer. */
export type Swagger = typeof import('@nestjs/swagger');

/** Loads @nestjs/swagger, or throws saying how to install it. */
export function loadSwagger(): Swagger {
  return loadOptionalPeer<Swagger>('@nestjs/swagger', swaggerMissing);
}
