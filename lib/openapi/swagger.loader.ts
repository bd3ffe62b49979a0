/** The @nestjs/swagger module, loaded on first use: it is an optional peer. */
export type Swagger = typeof import('@nestjs/swagger');

/** Loads @nestjs/swagger, or throws saying how to install it. */
export function loadSwagger(): Swagger {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional peer, loaded on use
    return require('@nestjs/swagger') as Swagger;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'MindoffOpenApi needs @nestjs/swagger to build the API docs; install it: npm install @nestjs/swagger',
      { cause: error },
    );
  }
}
