import { appModule, nestApp, runner } from '../testing/host-tree';

const V1_API = (js: string) => `import { MindoffApi, MindoffResponse } from 'mindoff';

/** Create Order, version 1: \`GET /v1/orders/create_order/\`. */
@MindoffApi({
  urlName: 'orders__create_order',
  name: 'Create Order',
  description: 'Create Order API',
  method: 'GET',
  processMode: 'direct',
  payloadValidation: 'strict',
})
export class CreateOrderV1Api {
  /** Answers SUCCESS; \`run(ctx)\` also gets the payload, query, params and user (MindoffContext). */
  async run() {
    return MindoffResponse.json({
      code: 'SUCCESS',
      category: 'success',
      data: {},
    });
  }
}
${js}`;

const VERSIONS = (js: string) => `import { MindoffVersions } from 'mindoff';
import { CreateOrderV1Api } from './create-order.v1.api${js}';

/** The versions of orders__create_order: \`/v<n>/orders/create_order/\`. */
export const CreateOrderVersions = MindoffVersions.register({
  1: CreateOrderV1Api,
});
`;

const API_SPEC = (js: string) => `import {
  createTestApp,
  expectEnvelope,
  type MindoffTestApp,
} from 'mindoff/testing';
import { CreateOrderVersions } from './create-order.versions${js}';

describe('CreateOrderV1Api', () => {
  let app: MindoffTestApp;

  beforeAll(async () => {
    app = await createTestApp(CreateOrderVersions);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers SUCCESS', async () => {
    const answer = await app.call('orders__create_order', { version: 1 });
    expectEnvelope(answer, {
      status: 'ok',
      code: 'SUCCESS',
      category: 'success',
      httpStatus: 200,
    });
  });
});
`;

const ROUTER_SPEC = (js: string) => `import {
  createTestApp,
  expectEnvelope,
  expectVersionMap,
  versionsOf,
  type MindoffTestApp,
} from 'mindoff/testing';
import { CreateOrderVersions } from './create-order.versions${js}';

describe('CreateOrderVersions', () => {
  let app: MindoffTestApp;

  beforeAll(async () => {
    app = await createTestApp(CreateOrderVersions);
  });

  afterAll(async () => {
    await app.close();
  });

  it('dispatches every version to its class', () => {
    expectVersionMap(app, CreateOrderVersions);
  });

  it('answers INVALID_API_VERSION for an unknown version', async () => {
    const answer = await app.call('orders__create_order', { version: 99999 });
    expectEnvelope(answer, {
      code: 'INVALID_API_VERSION',
      httpStatus: 404,
      data: { available_versions: versionsOf(CreateOrderVersions) },
    });
  });
});
`;

const ORDERS_MODULE = (js: string) => `import { Module } from '@nestjs/common';
import { CreateOrderVersions } from './create-order/create-order.versions${js}';

/** The \`orders\` app: its APIs answer at \`/v<n>/orders/<api_name>/\`. */
@Module({
  imports: [CreateOrderVersions],
})
export class OrdersModule {}
`;

async function withOrdersApp(kind: 'esm' | 'cjs' = 'esm', files: Record<string, string> = {}) {
  return runner().runSchematic('app', { name: 'orders' }, nestApp(kind, files));
}

const DIR = '/src/orders/create-order';

describe('api schematic', () => {
  it('writes version 1, the version map and both specs in an ESM app, with .js imports', async () => {
    const tree = await runner().runSchematic(
      'api',
      { name: 'orders/create_order' },
      await withOrdersApp('esm'),
    );
    expect(tree.files.filter((f) => f.startsWith(DIR)).sort()).toEqual([
      `${DIR}/create-order.v1.api.spec.ts`,
      `${DIR}/create-order.v1.api.ts`,
      `${DIR}/create-order.versions.spec.ts`,
      `${DIR}/create-order.versions.ts`,
    ]);
    expect(tree.readText(`${DIR}/create-order.v1.api.ts`)).toBe(V1_API(''));
    expect(tree.readText(`${DIR}/create-order.versions.ts`)).toBe(VERSIONS('.js'));
    expect(tree.readText(`${DIR}/create-order.v1.api.spec.ts`)).toBe(API_SPEC('.js'));
    expect(tree.readText(`${DIR}/create-order.versions.spec.ts`)).toBe(ROUTER_SPEC('.js'));
    expect(tree.readText('/src/orders/orders.module.ts')).toBe(ORDERS_MODULE('.js'));
  });

  it('writes imports without suffixes in a CommonJS app', async () => {
    const tree = await runner().runSchematic(
      'api',
      { name: 'orders/create_order' },
      await withOrdersApp('cjs'),
    );
    expect(tree.readText(`${DIR}/create-order.versions.ts`)).toBe(VERSIONS(''));
    expect(tree.readText(`${DIR}/create-order.v1.api.spec.ts`)).toBe(API_SPEC(''));
    expect(tree.readText(`${DIR}/create-order.versions.spec.ts`)).toBe(ROUTER_SPEC(''));
    expect(tree.readText('/src/orders/orders.module.ts')).toBe(ORDERS_MODULE(''));
  });

  it('imports the runner functions in a vitest app without globals', async () => {
    const tree = await runner().runSchematic(
      'api',
      { name: 'orders/create_order' },
      await withOrdersApp('esm', {
        '/vitest.config.ts': 'export default {};\n',
        '/tsconfig.json': '{}\n',
      }),
    );
    expect(tree.readText(`${DIR}/create-order.v1.api.spec.ts`)).toBe(
      `import { afterAll, beforeAll, describe, it } from 'vitest';\n${API_SPEC('.js')}`,
    );
  });

  it('creates the app when it does not exist yet and imports it in the root module', async () => {
    const tree = await runner().runSchematic(
      'api',
      { name: 'jobs/generate_report' },
      nestApp('cjs'),
    );
    expect(tree.exists('/src/jobs/generate-report/generate-report.v1.api.ts')).toBe(true);
    expect(tree.readText('/src/jobs/jobs.module.ts')).toContain(
      "import { GenerateReportVersions } from './generate-report/generate-report.versions';",
    );
    expect(tree.readText('/src/app.module.ts')).toBe(
      appModule(false)
        .replace(
          "import { AppService } from './app.service';\n",
          "import { AppService } from './app.service';\nimport { JobsModule } from './jobs/jobs.module';\n",
        )
        .replace('imports: []', 'imports: [JobsModule]'),
    );
  });

  it('generates into the app folder itself with --flat', async () => {
    const tree = await runner().runSchematic(
      'api',
      { name: 'orders/create_order', flat: true },
      await withOrdersApp('esm'),
    );
    expect(tree.files.filter((f) => f.startsWith('/src/orders/')).sort()).toEqual([
      '/src/orders/create-order.v1.api.spec.ts',
      '/src/orders/create-order.v1.api.ts',
      '/src/orders/create-order.versions.spec.ts',
      '/src/orders/create-order.versions.ts',
      '/src/orders/orders.module.ts',
    ]);
    expect(tree.readText('/src/orders/orders.module.ts')).toContain(
      "import { CreateOrderVersions } from './create-order.versions.js';",
    );
  });

  it('writes no spec with --spec false and uses --spec-file-suffix', async () => {
    const base = await withOrdersApp('esm');
    const none = await runner().runSchematic(
      'api',
      { name: 'orders/create_order', spec: false },
      base,
    );
    expect(none.files.filter((f) => f.startsWith(DIR)).sort()).toEqual([
      `${DIR}/create-order.v1.api.ts`,
      `${DIR}/create-order.versions.ts`,
    ]);
    const suffixed = await runner().runSchematic(
      'api',
      { name: 'orders/create_order', specFileSuffix: 'test' },
      await withOrdersApp('esm'),
    );
    expect(suffixed.files.filter((f) => f.includes('.test.')).sort()).toEqual([
      `${DIR}/create-order.v1.api.test.ts`,
      `${DIR}/create-order.versions.test.ts`,
    ]);
  });

  it('leaves the app module alone with --skip-import', async () => {
    const base = await withOrdersApp('esm');
    const before = base.readText('/src/orders/orders.module.ts');
    const tree = await runner().runSchematic(
      'api',
      { name: 'orders/create_order', skipImport: true },
      base,
    );
    expect(tree.readText('/src/orders/orders.module.ts')).toBe(before);
    expect(tree.exists(`${DIR}/create-order.versions.ts`)).toBe(true);
  });

  it("follows nest-cli.json's sourceRoot, and the CLI's sourceRoot over it", async () => {
    const config = '{ "collection": "mindoff", "sourceRoot": "app" }\n';
    const fromConfig = await runner().runSchematic(
      'api',
      { name: 'orders/create_order' },
      nestApp('esm', { '/nest-cli.json': config, '/app/app.module.ts': appModule(true) }),
    );
    expect(fromConfig.exists('/app/orders/create-order/create-order.v1.api.ts')).toBe(true);
    expect(fromConfig.readText('/app/app.module.ts')).toContain('imports: [OrdersModule]');
    const fromCli = await runner().runSchematic(
      'api',
      { name: 'orders/create_order', sourceRoot: 'src' },
      nestApp('esm', { '/nest-cli.json': config }),
    );
    expect(fromCli.exists('/src/orders/create-order/create-order.v1.api.ts')).toBe(true);
  });

  it('puts the API under --path (relative to sourceRoot) and imports it from there', async () => {
    const tree = await runner().runSchematic(
      'api',
      { name: 'orders/create_order', path: 'features' },
      await withOrdersApp('esm'),
    );
    expect(tree.exists('/src/features/create-order/create-order.v1.api.ts')).toBe(true);
    expect(tree.readText('/src/orders/orders.module.ts')).toContain(
      "import { CreateOrderVersions } from '../features/create-order/create-order.versions.js';",
    );
  });

  it('registers a custom URL pattern as the version map path', async () => {
    const tree = await runner().runSchematic(
      'api',
      { name: 'orders/get_order', url: '/get_order/:order_id/' },
      await withOrdersApp('esm'),
    );
    expect(tree.readText('/src/orders/get-order/get-order.versions.ts')).toBe(
      `import { MindoffVersions } from 'mindoff';
import { GetOrderV1Api } from './get-order.v1.api.js';

/** The versions of orders__get_order: \`/v<n>/orders/get_order/:order_id/\`. */
export const GetOrderVersions = MindoffVersions.register(
  {
    1: GetOrderV1Api,
  },
  { path: 'orders/get_order/:order_id' },
);
`,
    );
    expect(tree.readText('/src/orders/get-order/get-order.v1.api.ts')).toContain(
      '`GET /v1/orders/get_order/:order_id/`',
    );
  });

  it('takes the CLI-normalised kebab-case name as snake_case', async () => {
    const tree = await runner().runSchematic(
      'api',
      { name: 'orders/create-order' },
      await withOrdersApp('esm'),
    );
    expect(tree.readText(`${DIR}/create-order.v1.api.ts`)).toContain(
      "urlName: 'orders__create_order'",
    );
  });

  it('accepts digits after the first letter', async () => {
    const tree = await runner().runSchematic(
      'api',
      { name: 'orders/export_v2' },
      await withOrdersApp('esm'),
    );
    expect(tree.readText('/src/orders/export-v2/export-v2.v1.api.ts')).toContain(
      'export class ExportV2V1Api {',
    );
  });

  describe('--type', () => {
    it('writes a direct API with --type direct', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/create_order', type: 'direct' },
        await withOrdersApp('esm'),
      );
      expect(tree.readText(`${DIR}/create-order.v1.api.ts`)).toBe(V1_API(''));
    });

    it('writes a queue-mode API with --type queue', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/create_order', type: 'queue' },
        await withOrdersApp('esm'),
      );
      expect(tree.readText(`${DIR}/create-order.v1.api.ts`)).toBe(
        V1_API('').replace("processMode: 'direct',", "processMode: 'queue',"),
      );
    });

    it('refuses any other type, naming the two it takes', async () => {
      await expect(
        runner().runSchematic('api', { name: 'orders/create_order', type: 'batch' }, nestApp()),
      ).rejects.toThrow(
        "--type 'batch' is not a processMode: use --type direct (the default) or --type queue.",
      );
    });
  });

  describe('errors', () => {
    it('refuses an existing API, naming its file and the version schematic', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/create_order' },
        await withOrdersApp('esm'),
      );
      await expect(
        runner().runSchematic('api', { name: 'orders/create_order' }, tree),
      ).rejects.toThrow(
        'API orders/create_order already exists (src/orders/create-order/create-order.v1.api.ts). To add a version of it, run: nest g -c mindoff version orders/create_order',
      );
    });

    it('refuses a urlName declared anywhere else in the sources', async () => {
      const tree = nestApp('esm', {
        '/src/legacy/order.api.ts': "@MindoffApi({ urlName: 'orders__create_order' })\n",
      });
      await expect(
        runner().runSchematic('api', { name: 'orders/create_order' }, tree),
      ).rejects.toThrow('API orders/create_order already exists (src/legacy/order.api.ts).');
    });

    it.each([
      ['orders/CreateOrder', "Invalid API name 'CreateOrder'"],
      ['orders/2fa', "Invalid API name '2fa'"],
      ['orders/create__order', "Invalid API name 'create__order'"],
      ['Orders!/create_order', "Invalid app name 'Orders!'"],
    ])('refuses %s with the rule and an example', async (name, start) => {
      await expect(runner().runSchematic('api', { name }, nestApp())).rejects.toThrow(
        `${start}: use snake_case: a lowercase letter, then lowercase letters, digits or single underscores (e.g. create_order, export_v2).`,
      );
    });

    it('refuses a path with more than one slash', async () => {
      await expect(
        runner().runSchematic('api', { name: 'shop/orders/create_order' }, nestApp()),
      ).rejects.toThrow(
        "'shop/orders/create_order' must be <app>/<api_name>, e.g. nest g -c mindoff api orders/create_order.",
      );
    });

    it('asks for the app on the command line when nobody can answer a prompt', async () => {
      await expect(
        runner().runSchematic('api', { name: 'create_order' }, await withOrdersApp('esm')),
      ).rejects.toThrow(
        "Say which app 'create_order' belongs to: nest g -c mindoff api <app>/create_order (apps here: orders).",
      );
    });

    it('asks for a name when none was given and nobody can answer a prompt', async () => {
      await expect(runner().runSchematic('api', { name: 'orders/' }, nestApp())).rejects.toThrow(
        'Name the API: nest g -c mindoff api orders/create_order',
      );
    });

    it('refuses an invalid URL pattern', async () => {
      await expect(
        runner().runSchematic(
          'api',
          { name: 'orders/get_order', url: 'get order/<id>' },
          nestApp(),
        ),
      ).rejects.toThrow("Invalid URL pattern 'get order/<id>': use letters, digits, _ and -");
    });

    it('says how to create the root module when a new app cannot be registered', async () => {
      const tree = nestApp('esm');
      tree.delete('/src/app.module.ts');
      await expect(
        runner().runSchematic('api', { name: 'jobs/generate_report' }, tree),
      ).rejects.toThrow(
        'No app module at src/app.module.ts: mindoff registers its module and apps there. Create it (nest new makes src/app.module.ts), or pass --skip-import and import the module yourself.',
      );
    });

    it('says what to do when the app module has no @Module({...}) to edit', async () => {
      const tree = await withOrdersApp('esm');
      tree.overwrite(
        '/src/orders/orders.module.ts',
        '/** The `orders` app */\nconst meta = { imports: [] };\n@Module(meta)\nexport class OrdersModule {}\n',
      );
      await expect(
        runner().runSchematic('api', { name: 'orders/create_order' }, tree),
      ).rejects.toThrow(
        'src/orders/orders.module.ts has no @Module({ ... }) with an object literal; add CreateOrderVersions to its imports yourself, or pass --skip-import.',
      );
    });
  });
});
