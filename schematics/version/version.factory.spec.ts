import { nestApp, runner } from '../testing/host-tree';

const DIR = '/src/orders/create-order';

async function withApi(kind: 'esm' | 'cjs' = 'esm') {
  const app = await runner().runSchematic('app', { name: 'orders' }, nestApp(kind));
  return runner().runSchematic('api', { name: 'orders/create_order' }, app);
}

describe('version schematic', () => {
  it('adds V2 as a copy of V1, registers it in the version map and adds its spec', async () => {
    const before = await withApi('esm');
    const v1 = before.readText(`${DIR}/create-order.v1.api.ts`);
    const v1Spec = before.readText(`${DIR}/create-order.v1.api.spec.ts`);
    const tree = await runner().runSchematic('version', { name: 'orders/create_order' }, before);
    expect(tree.readText(`${DIR}/create-order.v2.api.ts`)).toBe(
      v1
        .replace('CreateOrderV1Api', 'CreateOrderV2Api')
        .replace('version 1: `GET /v1/', 'version 2: `GET /v2/'),
    );
    expect(tree.readText(`${DIR}/create-order.versions.ts`))
      .toBe(`import { MindoffVersions } from 'mindoff';
import { CreateOrderV1Api } from './create-order.v1.api.js';
import { CreateOrderV2Api } from './create-order.v2.api.js';

/** The versions of orders__create_order: \`/v<n>/orders/create_order/\`. */
export const CreateOrderVersions = MindoffVersions.register({
  1: CreateOrderV1Api,
  2: CreateOrderV2Api,
});
`);
    expect(tree.readText(`${DIR}/create-order.v2.api.spec.ts`)).toBe(
      v1Spec
        .replace("describe('CreateOrderV1Api'", "describe('CreateOrderV2Api'")
        .replace('{ version: 1 }', '{ version: 2 }'),
    );
  });

  it('copies the latest version, edits included, for V3', async () => {
    const withV2 = await runner().runSchematic(
      'version',
      { name: 'orders/create_order' },
      await withApi('cjs'),
    );
    withV2.overwrite(
      `${DIR}/create-order.v2.api.ts`,
      withV2.readText(`${DIR}/create-order.v2.api.ts`).replace('data: {}', 'data: { v: 2 }'),
    );
    const tree = await runner().runSchematic('version', { name: 'orders/create_order' }, withV2);
    const v3 = tree.readText(`${DIR}/create-order.v3.api.ts`);
    expect(v3).toContain('export class CreateOrderV3Api {');
    expect(v3).toContain('data: { v: 2 }');
    expect(tree.readText(`${DIR}/create-order.versions.ts`)).toContain(
      "import { CreateOrderV3Api } from './create-order.v3.api';",
    );
    expect(tree.readText(`${DIR}/create-order.versions.ts`)).toContain(
      '  2: CreateOrderV2Api,\n  3: CreateOrderV3Api,\n});',
    );
  });

  it('writes no spec with --spec false', async () => {
    const tree = await runner().runSchematic(
      'version',
      { name: 'orders/create_order', spec: false },
      await withApi(),
    );
    expect(tree.exists(`${DIR}/create-order.v2.api.ts`)).toBe(true);
    expect(tree.exists(`${DIR}/create-order.v2.api.spec.ts`)).toBe(false);
  });

  it('says how to create an API that does not exist', async () => {
    await expect(
      runner().runSchematic('version', { name: 'orders/cancel_order' }, await withApi()),
    ).rejects.toThrow(
      'No API orders/cancel_order: there is no cancel-order.versions.ts under src/orders. Create it with: nest g -c mindoff api orders/cancel_order',
    );
  });

  it('refuses a name that is not <app>/<api_name>', async () => {
    await expect(
      runner().runSchematic('version', { name: 'create_order' }, await withApi()),
    ).rejects.toThrow("'create_order' must be <app>/<api_name>");
  });

  it('says so when the version map is not one it can read', async () => {
    const tree = await withApi();
    tree.overwrite(
      `${DIR}/create-order.versions.ts`,
      'export const CreateOrderVersions = MindoffVersions.register(versions);\n',
    );
    await expect(
      runner().runSchematic('version', { name: 'orders/create_order' }, tree),
    ).rejects.toThrow(
      'src/orders/create-order/create-order.versions.ts: cannot find MindoffVersions.register({ ... }) with its versions; add the new version to the map yourself.',
    );
  });
});
