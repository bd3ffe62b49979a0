import { callRule, type Rule, type Tree } from '@angular-devkit/schematics';
import { lastValueFrom } from 'rxjs';
import { nestApp, runner } from '../testing/host-tree';
import { prompted } from '../testing/schema-prompts';
import { scriptedPrompter } from '../testing/scripted-prompter';
import { api } from './api.factory';

async function withApps(...names: string[]) {
  let tree = nestApp('esm');
  for (const name of names) tree = await runner().runSchematic('app', { name }, tree);
  return tree;
}

/** Runs the rule as the api schematic, whose templates and sibling schematics it uses. */
function run(rule: Rule, tree: Tree): Promise<Tree> {
  const { engine } = runner();
  const context = engine.createContext(engine.createCollection('mindoff').createSchematic('api'));
  return lastValueFrom(callRule(rule, tree, context));
}

describe('api schematic in a terminal', () => {
  it("is asked by the Nest CLI for the name, the mode, the URL patterns and the method, in the schema's order", async () => {
    const { asked } = await prompted('api', {}, { name: 'orders/create_order' });
    expect(asked.map(({ id, type, message }) => ({ id, type, message }))).toEqual([
      {
        id: '/name',
        type: 'input',
        message:
          'Which API? <app>/<api_name> in snake_case, e.g. orders/create_order (<api_name> alone: then its app):',
      },
      { id: '/type', type: 'list', message: 'How does the API run?' },
      {
        id: '/url',
        type: 'input',
        message:
          'URL patterns after /v<n>/<app>/, comma-separated, e.g. get_order/:order_id/ (blank: the API name):',
      },
      { id: '/method', type: 'list', message: 'Which HTTP method does the API answer?' },
    ]);
    expect(asked[1].items).toEqual([
      { value: 'direct', label: 'direct: run() answers the request' },
      {
        value: 'queue',
        label: 'queue: run() is a background task the client follows (processMode: queue)',
      },
    ]);
    expect(asked[1].default).toBe('direct');
  });

  it('writes what was answered: a queue-mode API at the patterns given', async () => {
    const { options } = await prompted(
      'api',
      {},
      { name: 'orders/get_order', type: 'queue', url: 'get_order/<int:order_id>/' },
    );
    const tree = await runner().runSchematic('api', options, await withApps('orders'));
    const dir = '/src/orders/get-order/get-order';
    expect(tree.readText(`${dir}.versions.ts`)).toContain("{ path: 'orders/get_order/:order_id' }");
    expect(tree.readText(`${dir}.v1.api.ts`)).toContain("\n  processMode: 'queue', //");
    expect(tree.readText(`${dir}.v1.api.ts`)).toContain('\n  params: { order_id: Int }, //');
  });

  it('keeps the default path on a blank URL pattern', async () => {
    const { options } = await prompted('api', {}, { name: 'orders/create_order', url: '  ' });
    const tree = await runner().runSchematic('api', options, await withApps('orders'));
    expect(tree.readText('/src/orders/create-order/create-order.versions.ts')).toContain(
      'MindoffVersions.register({\n  1: CreateOrderV1Api,\n});',
    );
  });

  it('asks nothing the command line says', async () => {
    const { asked } = await prompted('api', {
      name: 'orders/create_order',
      type: 'direct',
      url: 'create_order/',
      method: 'POST',
    });
    expect(asked).toEqual([]);
  });

  it('asks for the app from the list of apps (by number) when the name has none', async () => {
    const prompter = scriptedPrompter(['2']);
    const tree = await run(
      api({ name: 'create_order' }, prompter),
      await withApps('orders', 'jobs'),
    );
    expect(prompter.transcript).toEqual([
      'Apps:\n  1. jobs\n  2. orders',
      '? Which app? (number or name): 2',
    ]);
    expect(tree.readText('/src/orders/create-order/create-order.versions.ts')).toContain(
      'MindoffVersions.register({',
    );
  });

  it('takes the app by name, re-asking until it is valid', async () => {
    const prompter = scriptedPrompter(['Orders!', 'orders']);
    const tree = await run(api({ name: 'create_order' }, prompter), await withApps('orders'));
    expect(prompter.transcript.slice(1)).toEqual([
      '? Which app? (number or name): Orders!',
      "Invalid app name 'Orders!': use snake_case: a lowercase letter, then lowercase letters, digits or single underscores (e.g. create_order, export_v2).",
      '? Which app? (number or name): orders',
    ]);
    expect(tree.exists('/src/orders/create-order/create-order.v1.api.ts')).toBe(true);
  });

  it('offers a new app name when there are no apps yet, and creates it', async () => {
    const prompter = scriptedPrompter(['reports']);
    const tree = await run(api({ name: 'monthly' }, prompter), await withApps());
    expect(prompter.transcript).toEqual([
      'No mindoff apps yet: type a new app name, or create one first with nest g -c mindoff app <app_name>.',
      '? App name: reports',
    ]);
    expect(tree.exists('/src/reports/reports.module.ts')).toBe(true);
  });

  it('asks nothing when the name says the app', async () => {
    const prompter = scriptedPrompter([]);
    await run(api({ name: 'orders/create_order' }, prompter), await withApps('orders'));
    expect(prompter.transcript).toEqual([]);
  });
});
