import type { ApiRouteMetadata } from '../../lib/interfaces/api-route-metadata.interface';
import type { MindoffApiOptions } from '../../lib/interfaces/mindoff-api-options.interface';
import { API_OPTION_KEYS, LIMIT_KEYS } from '../../lib/mindoff.constants';
import { checkApiConfig } from '../../lib/registry/api-config.check';
import { compileApi } from '../../lib/registry/compiled-api';
import { checkPatternParams } from '../../lib/registry/route-patterns.check';
import { Int } from '../../lib/validation';
import { nestApp, runner } from '../testing/host-tree';
import { decoratorObject, parseSource } from '../utils/typescript-source';

/** The object literal of the file's `@MindoffApi({ ... })`, comments and all. */
function declarationText(source: string): string {
  return decoratorObject(parseSource(source), 'MindoffApi')!.getText();
}

/** The declaration with every commented-out field line uncommented (headings stay comments). */
function uncommented(text: string): string {
  return text.replace(/^(\s*)\/\/( *)(?=[A-Za-z]+: |\},)/gm, '$1$2');
}

/** The declaration as the decorator receives it. */
function evaluate(text: string): MindoffApiOptions {
  return new Function('Int', `return (${text});`)(Int) as MindoffApiOptions;
}

/** A compiled API with its functions replaced by their type, to compare two compilations. */
function compiled(options: MindoffApiOptions, patterns: string[]): Record<string, unknown> {
  const route = { version: 1, apiPath: patterns[0], apiPaths: patterns, versions: [1] };
  const api = compileApi(class V1Api {}, options, route as ApiRouteMetadata, []);
  return Object.fromEntries(
    Object.entries(api)
      .filter(([key]) => key !== 'options')
      .map(([key, value]) => [key, typeof value === 'function' ? 'function' : value]),
  );
}

async function generated(name: string, extra: Record<string, string> = {}): Promise<string> {
  const app = await runner().runSchematic('app', { name: 'orders' }, nestApp('esm'));
  const tree = await runner().runSchematic('api', { name, ...extra }, app);
  const file = tree.files.find((path) => path.endsWith('.v1.api.ts'));
  return tree.readText(file!);
}

describe('the generated declaration', () => {
  it.each([
    ['a direct API', 'orders/create_order', {}, ['orders/create_order']],
    ['a queue-mode API', 'orders/export_orders', { type: 'queue' }, ['orders/export_orders']],
    [
      'an API with several URL patterns',
      'orders/get_order',
      { url: 'get_order/<int:order_id>, :order_id' },
      ['orders/get_order/:order_id', 'orders/:order_id'],
    ],
  ])(
    'of %s lists every field, and uncommenting them all changes nothing the library does',
    async (_, name, extra, patterns) => {
      const text = declarationText(await generated(name, extra));
      const declared = evaluate(text);
      const full = evaluate(uncommented(text));
      expect(Object.keys(full).sort()).toEqual([...API_OPTION_KEYS].sort());
      expect(Object.keys(full.limits ?? {}).sort()).toEqual([...LIMIT_KEYS].sort());
      const env = { hasRun: true, isStrategy: () => false };
      expect(checkApiConfig('V1Api', full as never, env)).toEqual([]);
      expect(checkPatternParams('V1Api', patterns, full.params)).toEqual([]);
      expect(compiled(full, patterns)).toEqual(compiled(declared, patterns));
    },
  );

  it('sets only what the schematic decided, each under its group', async () => {
    const text = declarationText(await generated('orders/get_order', { url: ':order_id' }));
    expect(evaluate(text)).toEqual({
      urlName: 'orders__get_order',
      name: 'Get Order',
      description: 'Get Order API',
      method: 'GET',
      params: { order_id: String },
      payloadValidation: 'strict',
    });
    expect(text.match(/^ {2}\/\/ [A-Z].*$/gm)).toEqual([
      '  // Identity',
      '  // Access rules: who may call it (anyone, by default)',
      '  // Execution rules: how it runs',
      '  // Request rules: what it accepts',
      '  // Usage limits per user (per client IP when anonymous); null turns one off',
    ]);
  });
});
