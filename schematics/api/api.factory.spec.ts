import { appModule, nestApp, runner, snapshot } from '../testing/host-tree';
import { prompted } from '../testing/schema-prompts';

const V1_API = (
  js: string,
) => `import { MindoffApi, type MindoffContext, MindoffResponse } from 'mindoff';

/**
 * Create Order, version 1: \`POST /v1/orders/create_order/\`.
 * A commented-out field shows its default (MindoffModule.forRoot({ defaults })
 * can change some of them for every API): uncomment it to change it.
 */
@MindoffApi({
  // Identity
  urlName: 'orders__create_order',
  name: 'Create Order',
  description: 'Create Order API',
  // deprecated: false, // true, or { since, sunset, link }: Deprecation and Sunset headers

  // Access rules: who may call it (anyone, by default)
  // auth: [], // passport strategies tried in order, e.g. ['jwt']
  // permissions: [], // CanActivate classes that must all allow, e.g. [IsAuthenticated]

  // Execution rules: how it runs
  method: 'POST',
  // processMode: 'direct', // 'queue' runs run() as a background task
  // responseSchema: null, // the data run() returns; undeclared keys are dropped
  // allowDuplicateQueue: false, // queue mode: false reuses the task of an identical request
  // progressSteps: null, // queue mode: { key: { label, percent } } for ctx.checkpoint(key)

  // Request rules: what it accepts
  // params: null, // the URL patterns' :names, typed, e.g. { order_id: Int }
  // query: null, // the query string, e.g. { page: Optional(Int) }
  // payloadSchema: null, // the body, e.g. { sku: String, qty: Int }, or a zod schema
  payloadValidation: 'strict', // 'basic' checks only the keys sent; null skips validation
  // files: null, // multipart uploads by field, e.g. { avatar: { maxSize: 2 } }
  // idempotency: false, // true, or { required: true, ttl: '24h' }: Idempotency-Key replays
  // maxPayloadSize: 10, // MB, counted on the bytes read; null turns it off
  // maxPayloadDepth: 20, // nesting levels of the body; null turns it off

  // Usage limits per user (per client IP when anonymous); null turns one off
  // limits: {
  //   request: '30/m', // calls to this API
  //   queueDetail: '30/m', // queue mode: task detail reads, per task
  //   queueStatusStream: 3, // queue mode: open status streams per owner
  //   queueCancel: '30/m', // queue mode: cancels, per task
  //   queueRetry: '30/m', // queue mode: retries, per task
  // },
})
export class CreateOrderV1Api {
  /** Answers SUCCESS with empty data: replace it with what the API does. */
  async run(_ctx: MindoffContext) {
    // Rename _ctx to ctx to read the request; MindoffContext<Payload, User,
    // Query, Params> types it (Infer<typeof schema> for a payloadSchema):
    //   ctx.payload    the body, as payloadSchema checked it ({} for GET and DELETE)
    //   ctx.query      the query string, as query declares it
    //   ctx.params     the path parameters, as params declares them
    //   ctx.files      the uploaded files, by field name (see files)
    //   ctx.user       who auth authenticated, or null when anonymous
    //   ctx.request    the adapter's raw request: its method, headers...
    //   ctx.version, ctx.urlName, ctx.requestId: which API, version and request
    //   ctx.signal     aborted when the client leaves or the task is cancelled
    //   ctx.checkpoint(step, message?): reports progress in queue mode
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

  describe('URL patterns', () => {
    const GET_ORDER = '/src/orders/get-order/get-order';
    const PATTERN_CHECK = (url: string) => `

  it('answers SUCCESS at ${url}', async () => {
    const answer = await fetch(\`\${app.url}${url}\`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      status: 'ok',
      message: { code: 'SUCCESS' },
    });
  });`;

    it('registers one custom pattern as the path, declares its :name as a String param and requests it', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/get_order', url: '/get_order/:order_id/' },
        await withOrdersApp('esm'),
      );
      expect(tree.readText(`${GET_ORDER}.versions.ts`)).toBe(
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
      const v1 = tree.readText(`${GET_ORDER}.v1.api.ts`);
      expect(v1).toContain(' * Get Order, version 1: `GET /v1/orders/get_order/:order_id/`.\n');
      expect(v1).toContain(
        "\n  params: { order_id: String }, // the URL patterns' :names, typed, e.g. { order_id: Int }\n",
      );
      expect(v1).not.toContain('// params:');
      expect(v1.split('\n')[0]).toBe(
        "import { MindoffApi, type MindoffContext, MindoffResponse } from 'mindoff';",
      );
      expect(v1).toContain(
        '\n/** The path parameters run() receives as ctx.params, as params declares them. */\ninterface Params {\n  order_id: string;\n}\n',
      );
      expect(v1).toContain(
        '  async run(\n    _ctx: MindoffContext<unknown, unknown, Record<string, unknown>, Params>,\n  ) {\n',
      );
      expect(tree.readText(`${GET_ORDER}.v1.api.spec.ts`)).toContain(
        "    const answer = await app.call('orders__get_order', {\n      version: 1,\n      params: { order_id: 1 },\n    });\n",
      );
      const routerSpec = tree.readText(`${GET_ORDER}.versions.spec.ts`);
      expect(routerSpec).toContain(
        "    const answer = await app.call('orders__get_order', {\n      version: 99999,\n      params: { order_id: 1 },\n    });\n",
      );
      expect(routerSpec).toContain(`${PATTERN_CHECK('/v1/orders/get_order/1/')}\n});\n`);
    });

    it('registers several patterns as a path list, types <int:name> as Int and requests each pattern', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/get_order', url: 'get_order/<int:order_id>/, :order_id' },
        await withOrdersApp('cjs'),
      );
      expect(tree.readText(`${GET_ORDER}.versions.ts`)).toBe(
        `import { MindoffVersions } from 'mindoff';
import { GetOrderV1Api } from './get-order.v1.api';

/**
 * The versions of orders__get_order: \`/v<n>/orders/get_order/:order_id/\`,
 * \`/v<n>/orders/:order_id/\`.
 */
export const GetOrderVersions = MindoffVersions.register(
  {
    1: GetOrderV1Api,
  },
  { path: ['orders/get_order/:order_id', 'orders/:order_id'] },
);
`,
      );
      const v1 = tree.readText(`${GET_ORDER}.v1.api.ts`);
      expect(v1.split('\n')[0]).toBe(
        "import { Int, MindoffApi, type MindoffContext, MindoffResponse } from 'mindoff';",
      );
      expect(v1).toContain('\ninterface Params {\n  order_id: number;\n}\n');
      expect(v1).toContain(
        '/**\n * Get Order, version 1: `GET /v1/orders/get_order/:order_id/`,\n * `GET /v1/orders/:order_id/`.\n',
      );
      expect(v1).toContain('\n  params: { order_id: Int }, //');
      expect(tree.readText(`${GET_ORDER}.versions.spec.ts`)).toBe(
        ROUTER_SPEC('')
          .replace(/CreateOrder/g, 'GetOrder')
          .replace(/create-order/g, 'get-order')
          .replace(
            "    const answer = await app.call('orders__create_order', { version: 99999 });",
            "    const answer = await app.call('orders__get_order', {\n      version: 99999,\n      params: { order_id: 1 },\n    });",
          )
          .replace(
            /\n\}\);\n$/,
            `${PATTERN_CHECK('/v1/orders/get_order/1/')}${PATTERN_CHECK('/v1/orders/1/')}\n});\n`,
          ),
      );
    });

    it('imports expect with the other runner functions when vitest globals are off', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/get_order', url: 'get_order/:order_id' },
        await withOrdersApp('esm', {
          '/vitest.config.ts': 'export default {};\n',
          '/tsconfig.json': '{}\n',
        }),
      );
      expect(tree.readText(`${GET_ORDER}.versions.spec.ts`).split('\n')[0]).toBe(
        "import { afterAll, beforeAll, describe, expect, it } from 'vitest';",
      );
      expect(tree.readText(`${GET_ORDER}.v1.api.spec.ts`).split('\n')[0]).toBe(
        "import { afterAll, beforeAll, describe, it } from 'vitest';",
      );
    });

    it('keeps the default path when the one pattern given is the API name', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/create_order', url: '/create_order/' },
        await withOrdersApp('esm'),
      );
      expect(tree.readText(`${DIR}/create-order.versions.ts`)).toBe(VERSIONS('.js'));
      expect(tree.readText(`${DIR}/create-order.versions.spec.ts`)).toBe(ROUTER_SPEC('.js'));
    });

    it('lists the API name among several patterns like any other', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/create_order', url: 'create_order, new_order' },
        await withOrdersApp('esm'),
      );
      expect(tree.readText(`${DIR}/create-order.versions.ts`)).toContain(
        "  { path: ['orders/create_order', 'orders/new_order'] },\n",
      );
      expect(tree.readText(`${DIR}/create-order.v1.api.ts`)).toContain('  // params: null,');
    });

    it('refuses patterns with different path parameters before writing anything', async () => {
      const tree = await withOrdersApp('esm');
      const before = snapshot(tree);
      await expect(
        runner().runSchematic(
          'api',
          { name: 'orders/get_order', url: 'get_order/:order_id, recent' },
          tree,
        ),
      ).rejects.toThrow(
        "URL patterns 'get_order/:order_id' and 'recent' have different path parameters; every pattern of an API must have the same :names, which its params declares.",
      );
      expect(snapshot(tree)).toEqual(before);
    });
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
        V1_API('').replace(
          "  // processMode: 'direct', // 'queue' runs",
          "  processMode: 'queue', // 'queue' runs",
        ),
      );
    });

    it('refuses any other type, as the schema lists the two it takes', async () => {
      await expect(
        runner().runSchematic('api', { name: 'orders/create_order', type: 'batch' }, nestApp()),
      ).rejects.toThrow('Data path "/type" must be equal to one of the allowed values.');
    });
  });

  describe('--method', () => {
    const declared = async (name: string, options: Record<string, string> = {}) => {
      const tree = await runner().runSchematic(
        'api',
        { name: `orders/${name}`, ...options },
        await withOrdersApp('esm'),
      );
      const file = name.replace(/_/g, '-');
      return tree.readText(`/src/orders/${file}/${file}.v1.api.ts`);
    };

    it.each([
      ['create_order', 'POST'],
      ['add_item', 'POST'],
      ['update_order', 'PUT'],
      ['edit_order', 'PUT'],
      ['delete_order', 'DELETE'],
      ['remove_item', 'DELETE'],
      ['get_order', 'GET'],
    ])(
      'gives %s the method its name suggests, %s, in its declaration and comment',
      async (name, method) => {
        const v1 = await declared(name);
        expect(v1).toContain(`\n  method: '${method}',\n`);
        expect(v1).toContain(`version 1: \`${method} /v1/orders/${name}/\`.\n`);
      },
    );

    it('takes --method over the name, and auto as the name', async () => {
      expect(await declared('update_order', { method: 'PATCH' })).toContain(
        "\n  method: 'PATCH',\n",
      );
      expect(await declared('create_order', { method: 'GET' })).toContain("\n  method: 'GET',\n");
      expect(await declared('create_order', { method: 'auto' })).toBe(V1_API(''));
    });

    it('refuses a method it does not offer', async () => {
      await expect(
        runner().runSchematic('api', { name: 'orders/create_order', method: 'FETCH' }, nestApp()),
      ).rejects.toThrow('Data path "/method" must be equal to one of the allowed values.');
    });

    it("is asked in a terminal as Nest's transport is: a list, the name's suggestion first and preselected", async () => {
      const { asked, options } = await prompted('api', {
        name: 'orders/create_order',
        type: 'direct',
        url: 'create_order',
      });
      expect(
        asked.map(({ id, type, message, default: preselected }) => ({
          id,
          type,
          message,
          preselected,
        })),
      ).toEqual([
        {
          id: '/method',
          type: 'list',
          message: 'Which HTTP method does the API answer?',
          preselected: 'auto',
        },
      ]);
      expect(asked[0].items).toEqual([
        {
          value: 'auto',
          label:
            'As its name suggests (create_*, add_*: POST; update_*, edit_*: PUT; delete_*, remove_*: DELETE; else GET)',
        },
        ...['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((method) => ({
          value: method,
          label: method,
        })),
      ]);
      const tree = await runner().runSchematic('api', options, await withOrdersApp('esm'));
      expect(tree.readText(`${DIR}/create-order.v1.api.ts`)).toBe(V1_API(''));
    });

    it('writes the method answered in a terminal, and asks nothing when --method says it', async () => {
      const { options } = await prompted(
        'api',
        { name: 'orders/update_order' },
        { method: 'PATCH' },
      );
      const tree = await runner().runSchematic('api', options, await withOrdersApp('esm'));
      expect(tree.readText('/src/orders/update-order/update-order.v1.api.ts')).toContain(
        "\n  method: 'PATCH',\n",
      );
      const given = {
        name: 'orders/update_order',
        type: 'direct',
        url: 'update_order',
        method: 'PUT',
      };
      expect((await prompted('api', given)).asked).toEqual([]);
    });

    it('requests each URL pattern with the method in the versions spec', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/update_order', url: 'update_order/:order_id' },
        await withOrdersApp('esm'),
      );
      expect(tree.readText('/src/orders/update-order/update-order.versions.spec.ts')).toContain(
        "    const answer = await fetch(`${app.url}/v1/orders/update_order/1/`, {\n      method: 'PUT',\n    });\n",
      );
    });

    it('says which method the API got', async () => {
      const run = runner();
      const logged: string[] = [];
      run.logger.subscribe((entry) => logged.push(entry.message));
      await run.runSchematic('api', { name: 'orders/create_order' }, await withOrdersApp('esm'));
      expect(logged).toContain('API orders/create_order (POST) is in src/orders/create-order.');
    });
  });

  describe("under main.ts's global prefix", () => {
    const MAIN = (call: string) =>
      `import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module.js';\n\nconst app = await NestFactory.create(AppModule);\n${call}\nawait app.listen(3000);\n`;

    it('names the URLs with the prefix in the class, the version map and a new app', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/create_order' },
        nestApp('esm', { '/src/main.ts': MAIN("app.setGlobalPrefix('api');") }),
      );
      expect(tree.readText(`${DIR}/create-order.v1.api.ts`)).toBe(
        V1_API('').replace(
          '`POST /v1/orders/create_order/`',
          '`POST /api/v1/orders/create_order/`',
        ),
      );
      expect(tree.readText(`${DIR}/create-order.versions.ts`)).toBe(
        VERSIONS('.js').replace('`/v<n>/orders/create_order/`', '`/api/v<n>/orders/create_order/`'),
      );
      expect(tree.readText('/src/orders/orders.module.ts')).toContain(
        '/** The `orders` app: its APIs answer at `/api/v<n>/orders/<api_name>/`. */\n',
      );
    });

    it('names every URL pattern with it, and keeps the specs on the paths the testing kit calls', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/get_order', url: 'get_order/:order_id, :order_id' },
        await withOrdersApp('esm', { '/src/main.ts': MAIN("app.setGlobalPrefix('/shop/');") }),
      );
      const dir = '/src/orders/get-order/get-order';
      expect(tree.readText(`${dir}.v1.api.ts`)).toContain(
        ' * Get Order, version 1: `GET /shop/v1/orders/get_order/:order_id/`,\n * `GET /shop/v1/orders/:order_id/`.\n',
      );
      expect(tree.readText(`${dir}.versions.spec.ts`)).toContain(
        'fetch(`${app.url}/v1/orders/1/`)',
      );
    });

    it('writes no prefix when main.ts sets none, or in a comment only', async () => {
      const tree = await runner().runSchematic(
        'api',
        { name: 'orders/create_order' },
        await withOrdersApp('esm', { '/src/main.ts': MAIN("// app.setGlobalPrefix('api');") }),
      );
      expect(tree.readText(`${DIR}/create-order.v1.api.ts`)).toBe(V1_API(''));
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
