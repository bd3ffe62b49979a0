import { callRule, type Rule, type Tree } from '@angular-devkit/schematics';
import { lastValueFrom } from 'rxjs';
import { nestApp, runner } from '../testing/host-tree';
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
  it('asks for the app from the list (by number), the name and the URL pattern', async () => {
    const prompter = scriptedPrompter(['2', 'create_order', '']);
    const tree = await run(api({}, prompter), await withApps('orders', 'jobs'));
    expect(prompter.transcript).toEqual([
      'Apps:\n  1. jobs\n  2. orders',
      '? Which app? (number or name): 2',
      '? API name (snake_case, e.g. create_order): create_order',
      '? URL patterns after /v<n>/orders/, comma-separated (blank for create_order/): ',
    ]);
    expect(tree.readText('/src/orders/create-order/create-order.versions.ts')).toContain(
      'MindoffVersions.register({',
    );
  });

  it('takes the app by name and re-asks until the API name is valid', async () => {
    const prompter = scriptedPrompter(['orders', 'CreateOrder', '1st', 'create_order2', '']);
    const tree = await run(api({}, prompter), await withApps('orders'));
    expect(prompter.transcript.slice(2, 7)).toEqual([
      '? API name (snake_case, e.g. create_order): CreateOrder',
      "Invalid API name 'CreateOrder': use snake_case: a lowercase letter, then lowercase letters, digits or single underscores (e.g. create_order, export_v2).",
      '? API name (snake_case, e.g. create_order): 1st',
      "Invalid API name '1st': use snake_case: a lowercase letter, then lowercase letters, digits or single underscores (e.g. create_order, export_v2).",
      '? API name (snake_case, e.g. create_order): create_order2',
    ]);
    expect(tree.exists('/src/orders/create-order2/create-order2.v1.api.ts')).toBe(true);
  });

  it('asks only for what the command line left out', async () => {
    const prompter = scriptedPrompter(['orders', '']);
    await run(api({ name: 'create_order' }, prompter), await withApps('orders'));
    expect(prompter.transcript).toEqual([
      'Apps:\n  1. orders',
      '? Which app? (number or name): orders',
      '? URL patterns after /v<n>/orders/, comma-separated (blank for create_order/): ',
    ]);
  });

  it('re-asks for a URL pattern until it is valid and registers it as the path', async () => {
    const prompter = scriptedPrompter(['get order', '/get_order/:order_id/']);
    const tree = await run(api({ name: 'orders/get_order' }, prompter), await withApps('orders'));
    expect(prompter.transcript[1]).toBe(
      "Invalid URL pattern 'get order': use letters, digits, _ and - in segments separated by /, and :name (or <int:name>) for a path parameter, e.g. get_order/:order_id/; separate several patterns with commas.",
    );
    expect(tree.readText('/src/orders/get-order/get-order.versions.ts')).toContain(
      "{ path: 'orders/get_order/:order_id' }",
    );
  });

  it('takes several comma-separated patterns, re-asking while their path parameters differ', async () => {
    const prompter = scriptedPrompter([
      'get_order/:order_id, by_ref/:ref',
      'get_order/<int:order_id>/, :order_id',
    ]);
    const tree = await run(api({ name: 'orders/get_order' }, prompter), await withApps('orders'));
    expect(prompter.transcript).toEqual([
      '? URL patterns after /v<n>/orders/, comma-separated (blank for get_order/): get_order/:order_id, by_ref/:ref',
      "URL patterns 'get_order/:order_id' and 'by_ref/:ref' have different path parameters; every pattern of an API must have the same :names, which its params declares.",
      '? URL patterns after /v<n>/orders/, comma-separated (blank for get_order/): get_order/<int:order_id>/, :order_id',
    ]);
    const dir = '/src/orders/get-order/get-order';
    expect(tree.readText(`${dir}.versions.ts`)).toContain(
      "  { path: ['orders/get_order/:order_id', 'orders/:order_id'] },\n",
    );
    expect(tree.readText(`${dir}.v1.api.ts`)).toContain('  params: { order_id: Int },');
  });

  it('offers a new app name when there are no apps yet, and creates it', async () => {
    const prompter = scriptedPrompter(['reports', 'monthly', '']);
    const tree = await run(api({}, prompter), await withApps());
    expect(prompter.transcript.slice(0, 2)).toEqual([
      'No mindoff apps yet: type a new app name, or create one first with nest g -c mindoff app <app_name>.',
      '? App name: reports',
    ]);
    expect(tree.exists('/src/reports/reports.module.ts')).toBe(true);
  });

  it('does not ask when the command line says it all', async () => {
    const prompter = scriptedPrompter([]);
    await run(
      api({ name: 'orders/create_order', url: 'create_order/' }, prompter),
      await withApps('orders'),
    );
    expect(prompter.transcript).toEqual([]);
  });
});
