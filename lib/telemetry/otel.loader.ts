/** The `@opentelemetry/api` module, typed without loading it. */
export type OtelApi = typeof import('@opentelemetry/api');

let loaded: { api: OtelApi | undefined } | undefined;

/**
 * `@opentelemetry/api` when the app has it installed, loaded once; undefined when it is not, so
 * telemetry turns into a no-op instead of an error (it is an optional peer). Any other failure
 * while loading it is rethrown as is.
 */
export function otelApi(): OtelApi | undefined {
  if (!loaded) loaded = { api: tryRequire() };
  return loaded.api;
}

function tryRequire(): OtelApi | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional peer, loaded on use
    return require('@opentelemetry/api') as OtelApi;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    return undefined;
  }
}
