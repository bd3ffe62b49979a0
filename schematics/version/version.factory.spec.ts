import { nestApp, runner, snapshot } from '../testing/host-tree';
import { prompted } from '../testing/schema-prompts';

const DIR = '/src/orders/create-order';
const V1 = `${DIR}/create-order.v1.api.ts`;
const COMMENTED = '  // deprecated: false, //';

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
        .replace('version 1: `POST /v1/', 'version 2: `POST /v2/'),
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

  it('registers the new version in a map edited by hand: comments, no trailing comma, a multi-line import', async () => {
    const tree = await withApi();
    tree.overwrite(
      `${DIR}/create-order.versions.ts`,
      `import { MindoffVersions } from 'mindoff';
import {
  CreateOrderV1Api, // the first
} from './create-order.v1.api.js';

export const CreateOrderVersions = MindoffVersions.register({
  // version 1 stays for the mobile app
  1: CreateOrderV1Api // until 2027
});
`,
    );
    const after = await runner().runSchematic('version', { name: 'orders/create_order' }, tree);
    expect(after.readText(`${DIR}/create-order.versions.ts`))
      .toBe(`import { MindoffVersions } from 'mindoff';
import {
  CreateOrderV1Api, // the first
} from './create-order.v1.api.js';
import { CreateOrderV2Api } from './create-order.v2.api.js';

export const CreateOrderVersions = MindoffVersions.register({
  // version 1 stays for the mobile app
  1: CreateOrderV1Api, // until 2027
  2: CreateOrderV2Api
});
`);
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

  describe('--deprecate-previous', () => {
    it('marks the previous version deprecated on its commented-out line; the new one is not', async () => {
      const before = await withApi();
      const v1 = before.readText(V1);
      const tree = await runner().runSchematic(
        'version',
        { name: 'orders/create_order', deprecatePrevious: true },
        before,
      );
      expect(v1).toContain(COMMENTED);
      expect(tree.readText(V1)).toBe(v1.replace(COMMENTED, '  deprecated: true, //'));
      expect(tree.readText(`${DIR}/create-order.v2.api.ts`)).toBe(
        v1
          .replace('CreateOrderV1Api', 'CreateOrderV2Api')
          .replace('version 1: `POST /v1/', 'version 2: `POST /v2/'),
      );
    });

    it('writes the sunset date with --sunset, which implies --deprecate-previous', async () => {
      const before = await withApi();
      const v1 = before.readText(V1);
      const tree = await runner().runSchematic(
        'version',
        { name: 'orders/create_order', sunset: '2027-06-30' },
        before,
      );
      expect(tree.readText(V1)).toBe(
        v1.replace(COMMENTED, "  deprecated: { sunset: '2027-06-30' }, //"),
      );
    });

    it('deprecates only the latest version, and leaves one already deprecated as it is', async () => {
      const withV2 = await runner().runSchematic(
        'version',
        { name: 'orders/create_order', sunset: '2027-06-30' },
        await withApi(),
      );
      const v1 = withV2.readText(V1);
      const tree = await runner().runSchematic(
        'version',
        { name: 'orders/create_order', deprecatePrevious: true },
        withV2,
      );
      expect(tree.readText(V1)).toBe(v1);
      expect(tree.readText(`${DIR}/create-order.v2.api.ts`)).toContain('  deprecated: true, //');
      expect(tree.readText(`${DIR}/create-order.v3.api.ts`)).toContain(COMMENTED);
    });

    it('does not carry a deprecation into the copy when the latest version was deprecated by hand', async () => {
      const before = await withApi();
      before.overwrite(V1, before.readText(V1).replace(COMMENTED, '  deprecated: true, //'));
      const tree = await runner().runSchematic('version', { name: 'orders/create_order' }, before);
      expect(tree.readText(V1)).toContain('  deprecated: true, //');
      expect(tree.readText(`${DIR}/create-order.v2.api.ts`)).toContain(COMMENTED);
    });

    it('says so, writing nothing, when the previous class has no @MindoffApi({ ... })', async () => {
      const tree = await withApi();
      tree.overwrite(V1, 'export class CreateOrderV1Api {}\n');
      const before = snapshot(tree);
      await expect(
        runner().runSchematic(
          'version',
          { name: 'orders/create_order', deprecatePrevious: true },
          tree,
        ),
      ).rejects.toThrow(
        'src/orders/create-order/create-order.v1.api.ts: cannot find @MindoffApi({ ... }) on class CreateOrderV1Api; add deprecated: true to its declaration yourself.',
      );
      expect(snapshot(tree)).toEqual(before);
    });

    it.each([['2027-6-30'], ['2027-02-30'], ['next year']])(
      'refuses the sunset date %s',
      async (sunset) => {
        await expect(
          runner().runSchematic(
            'version',
            { name: 'orders/create_order', sunset },
            await withApi(),
          ),
        ).rejects.toThrow(`Invalid sunset date '${sunset}': use YYYY-MM-DD, e.g. 2027-06-30.`);
      },
    );

    it('deprecates with a sunset date whatever --deprecate-previous says, as the date says when it goes', async () => {
      const before = await withApi();
      const v1 = before.readText(V1);
      const tree = await runner().runSchematic(
        'version',
        { name: 'orders/create_order', deprecatePrevious: false, sunset: '2027-06-30' },
        before,
      );
      expect(tree.readText(V1)).toBe(
        v1.replace(COMMENTED, "  deprecated: { sunset: '2027-06-30' }, //"),
      );
    });
  });

  describe('in a terminal', () => {
    it('is asked by the Nest CLI whether to deprecate the previous version, then its sunset date', async () => {
      const { asked } = await prompted('version', { name: 'orders/create_order' });
      expect(asked.map(({ id, type, message }) => ({ id, type, message }))).toEqual([
        {
          id: '/deprecatePrevious',
          type: 'confirmation',
          message: 'Mark the previous version deprecated (Deprecation header)?',
        },
        {
          id: '/sunset',
          type: 'input',
          message:
            'Sunset date of the previous version, after which it may stop answering (YYYY-MM-DD, blank for none):',
        },
      ]);
      expect(asked[0].default).toBe(false); // Enter answers no
    });

    it('writes the answers: deprecated with the sunset date given', async () => {
      const before = await withApi();
      const v1 = before.readText(V1);
      const { options } = await prompted(
        'version',
        { name: 'orders/create_order' },
        { deprecatePrevious: true, sunset: '2027-06-30' },
      );
      const tree = await runner().runSchematic('version', options, before);
      expect(tree.readText(V1)).toBe(
        v1.replace(COMMENTED, "  deprecated: { sunset: '2027-06-30' }, //"),
      );
    });

    it('marks it deprecated without a date on a blank sunset', async () => {
      const { options } = await prompted(
        'version',
        { name: 'orders/create_order' },
        { deprecatePrevious: true, sunset: '' },
      );
      const tree = await runner().runSchematic('version', options, await withApi());
      expect(tree.readText(V1)).toContain('  deprecated: true, //');
    });

    it('leaves the previous version alone on a no and a blank sunset', async () => {
      const before = await withApi();
      const v1 = before.readText(V1);
      const { options } = await prompted(
        'version',
        { name: 'orders/create_order' },
        { deprecatePrevious: false, sunset: '' },
      );
      const tree = await runner().runSchematic('version', options, before);
      expect(tree.readText(V1)).toBe(v1);
      expect(tree.exists(`${DIR}/create-order.v2.api.ts`)).toBe(true);
    });

    it('refuses a sunset date answered that is not one, naming the form', async () => {
      const { options } = await prompted(
        'version',
        { name: 'orders/create_order' },
        { deprecatePrevious: true, sunset: '30/06/2027' },
      );
      await expect(runner().runSchematic('version', options, await withApi())).rejects.toThrow(
        "Invalid sunset date '30/06/2027': use YYYY-MM-DD, e.g. 2027-06-30.",
      );
    });

    it('asks nothing the command line says', async () => {
      const { asked } = await prompted('version', {
        name: 'orders/create_order',
        deprecatePrevious: false,
        sunset: '2027-06-30',
      });
      expect(asked).toEqual([]);
    });
  });

  it('gives the new version spec sample values for the path parameters of the map', async () => {
    const app = await runner().runSchematic('app', { name: 'orders' }, nestApp('esm'));
    const before = await runner().runSchematic(
      'api',
      { name: 'orders/get_order', url: 'get_order/<int:order_id>, :order_id' },
      app,
    );
    const tree = await runner().runSchematic('version', { name: 'orders/get_order' }, before);
    expect(tree.readText('/src/orders/get-order/get-order.v2.api.spec.ts')).toContain(
      "    const answer = await app.call('orders__get_order', {\n      version: 2,\n      params: { order_id: 1 },\n    });\n",
    );
    expect(tree.readText('/src/orders/get-order/get-order.v2.api.ts')).toContain(
      ' * Get Order, version 2: `GET /v2/orders/get_order/:order_id/`,\n * `GET /v2/orders/:order_id/`.\n',
    );
  });
});
