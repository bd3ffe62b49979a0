import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changes, FixtureApp } from './support/fixture-app';
import { packLibrary } from '../support/pack-library';
import { quickStartComment, quickStartSteps } from './support/quick-start';
import type { Ran } from '../support/shell';

/**
 * As a new user would: the packed library installed in fresh Nest 12 apps (ESM with vitest, as
 * `nest new` makes them, and CommonJS with jest), set up and generated into with the Nest CLI by
 * the README's quick start (then the generator section's commands), built, tested with the app's
 * own runner, and called over HTTP as the quick start's curl calls it.
 */
const KINDS = [
  { fixture: 'esm-vitest', js: '.js', runner: 'vitest' },
  { fixture: 'cjs-jest', js: '', runner: 'jest' },
] as const;

const ORDERS = 'src/orders/create-order/create-order';
const JOBS = 'src/jobs/generate-report/generate-report';
const GET_ORDER = 'src/orders/get-order/get-order';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
/** The README's quick start, which quick-start.spec.ts holds to the steps run here. */
const QUICK_START = quickStartSteps(README);
/** Its `nest` commands' arguments: nest add, the create_order API, the queue-mode API. */
const NEST_COMMANDS = QUICK_START.flatMap((step) => (step.kind === 'nest' ? [step.args] : []));
/** Its request to the started app. */
const CURL = QUICK_START.flatMap((step) => (step.kind === 'curl' ? [step] : []))[0];

// Each step runs the Nest CLI, a compiler or a test runner in a real project: on a busy 2-core
// machine one can take well over Jest's default.
jest.setTimeout(180_000);

let dir: string;
const apps = new Map<string, { app: FixtureApp; out: Record<string, Ran> }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mindoff-generator-'));
  const tarball = await packLibrary(dir);
  await Promise.all(
    KINDS.map(async ({ fixture }) => {
      const app = new FixtureApp(fixture, dir);
      await app.install(tarball); // the quick start's npm install mindoff
      const out: Record<string, Ran> = {};
      const [add, api, queue] = NEST_COMMANDS;
      out.add = await app.nest(...add);
      out.api = await app.nest(...api);
      out.queue = await app.nest(...queue);
      out.app = await app.nest('g', '-c', 'mindoff', 'app', 'refunds');
      out.version = await app.nest('g', '-c', 'mindoff', 'version', 'orders/create_order');
      out.patterns = await app.schematics(
        'mindoff:api',
        'orders/get_order',
        '--url',
        'get_order/<int:order_id>/, order/:order_id',
      );
      out.deprecate = await app.schematics(
        'mindoff:version',
        'orders/get_order',
        '--deprecate-previous',
        '--sunset',
        '2027-06-30',
      );
      apps.set(fixture, { app, out });
    }),
  );
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each(KINDS)('a new $fixture Nest app', ({ fixture, js, runner }) => {
  const get = () => apps.get(fixture)!;

  it('is set up by nest add mindoff --skip-install', () => {
    expect(get().out.add.code).toBe(0);
    expect(changes(get().out.add.output)).toEqual([
      'CREATE config/responses.csv',
      'UPDATE nest-cli.json',
      'UPDATE src/app.module.ts',
    ]);
    expect(get().app.files()['src/app.module.ts']).toContain('imports: [MindoffModule.forRoot()');
  });

  it("gets the quick start's POST API with its app and a queue-mode API from nest g api, then an app and a second version from nest g -c mindoff", () => {
    const { out } = get();
    expect(changes(out.api.output)).toEqual([
      `CREATE ${ORDERS}.v1.api.spec.ts`,
      `CREATE ${ORDERS}.v1.api.ts`,
      `CREATE ${ORDERS}.versions.spec.ts`,
      `CREATE ${ORDERS}.versions.ts`,
      'CREATE src/orders/orders.module.ts',
      'UPDATE src/app.module.ts',
    ]);
    expect(changes(out.app.output)).toEqual([
      'CREATE src/refunds/refunds.module.ts',
      'UPDATE src/app.module.ts',
    ]);
    expect(changes(out.version.output)).toEqual([
      `CREATE ${ORDERS}.v2.api.spec.ts`,
      `CREATE ${ORDERS}.v2.api.ts`,
      `UPDATE ${ORDERS}.versions.ts`,
    ]);
    expect(changes(out.queue.output)).toEqual([
      `CREATE ${JOBS}.v1.api.spec.ts`,
      `CREATE ${JOBS}.v1.api.ts`,
      `CREATE ${JOBS}.versions.spec.ts`,
      `CREATE ${JOBS}.versions.ts`,
      'CREATE src/jobs/jobs.module.ts',
      'UPDATE src/app.module.ts',
    ]);
    const files = get().app.files();
    expect(files[`${ORDERS}.v1.api.ts`]).toContain(`\n${quickStartComment(README)}\n@MindoffApi({`);
    expect(files[`${ORDERS}.v1.api.ts`]).toContain("\n  method: 'POST',");
    // Typed, and compiled against the installed package by the app's own build below.
    expect(files[`${ORDERS}.v1.api.ts`]).toContain('\n  async run(_ctx: MindoffContext) {\n');
    expect(files[`${ORDERS}.v2.api.ts`]).toContain('version 2: `POST /v2/orders/create_order/`.');
    expect(files[`${JOBS}.v1.api.ts`]).toContain("\n  processMode: 'queue',");
    expect(files[`${JOBS}.v1.api.ts`]).toContain("\n  method: 'GET',");
    expect(files['src/app.module.ts']).toContain(
      `import { OrdersModule } from './orders/orders.module${js}';`,
    );
  });

  it('gets an API served at several URL patterns, and its deprecated V1, from the schematics CLI', () => {
    const { out, app } = get();
    expect(changes(out.patterns.output)).toEqual([
      `CREATE ${GET_ORDER}.v1.api.spec.ts`,
      `CREATE ${GET_ORDER}.v1.api.ts`,
      `CREATE ${GET_ORDER}.versions.spec.ts`,
      `CREATE ${GET_ORDER}.versions.ts`,
      'UPDATE src/orders/orders.module.ts',
    ]);
    expect(changes(out.deprecate.output)).toEqual([
      `CREATE ${GET_ORDER}.v2.api.spec.ts`,
      `CREATE ${GET_ORDER}.v2.api.ts`,
      `UPDATE ${GET_ORDER}.v1.api.ts`,
      `UPDATE ${GET_ORDER}.versions.ts`,
    ]);
    const files = app.files();
    expect(files[`${GET_ORDER}.versions.ts`]).toContain(
      "  { path: ['orders/get_order/:order_id', 'orders/order/:order_id'] },\n",
    );
    expect(files[`${GET_ORDER}.v1.api.ts`]).toContain(
      "\n  deprecated: { sunset: '2027-06-30' }, //",
    );
    expect(files[`${GET_ORDER}.v2.api.ts`]).toContain('\n  // deprecated: false, //');
    expect(files[`${GET_ORDER}.v2.api.ts`]).toContain('\n  params: { order_id: Int }, //');
    expect(files[`${GET_ORDER}.v2.api.ts`]).toContain(
      '\ninterface Params {\n  order_id: number;\n}\n',
    );
    expect(files[`${GET_ORDER}.v2.api.ts`]).toContain(
      '    _ctx: MindoffContext<unknown, unknown, Record<string, unknown>, Params>,\n',
    );
  });

  it('changes nothing when nest add runs again, or when a generator fails (exit code 0, a clear error)', async () => {
    const { app } = get();
    const before = app.files();
    const again = await app.nest('add', 'mindoff', '--skip-install');
    expect(changes(again.output)).toEqual([]);
    const existing = await app.nest('g', '-c', 'mindoff', 'api', 'orders/create_order');
    expect(existing.code).toBe(0);
    expect(existing.output).toContain(
      `API orders/create_order already exists (${ORDERS}.v1.api.ts). To add a version of it, run: nest g -c mindoff version orders/create_order`,
    );
    expect(changes(existing.output)).toEqual([]);
    const crud = await app.nest('g', '-c', 'mindoff', 'api', 'orders/refund_order', '--crud');
    expect(crud.output).toContain('Unknown option "crud". Valid options are: name, type, url,');
    expect(changes(crud.output)).toEqual([]);
    expect(app.files()).toEqual(before);
  });

  it('runs plain nest g api, and still nest g controller, once mindoff is the collection', async () => {
    const { app } = get();
    const api = await app.nest('g', 'api', 'orders/cancel_order');
    expect(changes(api.output)).toEqual([
      'CREATE src/orders/cancel-order/cancel-order.v1.api.spec.ts',
      'CREATE src/orders/cancel-order/cancel-order.v1.api.ts',
      'CREATE src/orders/cancel-order/cancel-order.versions.spec.ts',
      'CREATE src/orders/cancel-order/cancel-order.versions.ts',
      'UPDATE src/orders/orders.module.ts',
    ]);
    const controller = await app.nest('g', 'controller', 'health', '--no-spec');
    expect(changes(controller.output)).toEqual([
      'CREATE src/health/health.controller.ts',
      'UPDATE src/app.module.ts',
    ]);
  });

  // The quick start's npm run build && npm test.
  it('builds with its own build', async () => {
    const build = await get().app.npm('build');
    expect(build.output).not.toMatch(/error/i);
    expect(build.code).toBe(0);
  });

  it('lints clean and is formatted as its own prettier formats it', async () => {
    const { app } = get();
    const lint = await app.npm('lint');
    expect(lint.code).toBe(0);
    expect(lint.output).toMatch(/Found 0 warnings and 0 errors/);
    const format = await app.npx('prettier', '--check', 'src', 'test');
    expect(format.output).toContain('All matched files use Prettier code style!');
    expect(format.code).toBe(0);
  });

  it(`passes its generated specs with its own runner (${runner})`, async () => {
    const test = await get().app.npm('test');
    expect(test.code).toBe(0);
    for (const spec of [
      `${ORDERS}.v1.api.spec.ts`,
      `${ORDERS}.v2.api.spec.ts`,
      `${ORDERS}.versions.spec.ts`,
      `${JOBS}.v1.api.spec.ts`,
      `${JOBS}.versions.spec.ts`,
      `${GET_ORDER}.v1.api.spec.ts`,
      `${GET_ORDER}.v2.api.spec.ts`,
      `${GET_ORDER}.versions.spec.ts`,
    ]) {
      expect(test.output).toContain(spec);
    }
    expect(test.output).not.toMatch(/\bfail/i);
  });

  it("answers the quick start's curl with SUCCESS at /v1 and /v2, and INVALID_API_VERSION at /v3", async () => {
    const server = await get().app.start(); // the built app, as npm run start:dev serves it
    try {
      const read = async (version: number) => {
        const path = CURL.path.replace('/v1/', `/v${version}/`);
        const response = await fetch(`${server.url}${path}`, {
          method: CURL.method,
          headers: CURL.headers,
          body: CURL.body,
        });
        return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
      };
      for (const version of [1, 2]) {
        const { status, body } = await read(version);
        expect(status).toBe(200);
        expect(body).toEqual({
          status: 'ok',
          message: expect.objectContaining({ code: 'SUCCESS', category: 'success' }),
          data: {},
        });
      }
      const { status, body } = await read(3);
      expect(status).toBe(404);
      expect(body.message.code).toBe('INVALID_API_VERSION');
      expect(body.data).toEqual({ available_versions: [1, 2] });
    } finally {
      server.stop();
    }
  });

  it('serves every URL pattern of get_order, V1 with its Deprecation and Sunset headers', async () => {
    const server = await get().app.start();
    try {
      for (const path of ['get_order/7', 'order/7']) {
        const v1 = await fetch(`${server.url}/v1/orders/${path}/`);
        expect([path, v1.status]).toEqual([path, 200]);
        expect(await v1.json()).toMatchObject({ status: 'ok', message: { code: 'SUCCESS' } });
        expect(v1.headers.get('deprecation')).toBe('@0');
        expect(v1.headers.get('sunset')).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
        const v2 = await fetch(`${server.url}/v2/orders/${path}/`);
        expect([path, v2.status]).toEqual([path, 200]);
        expect(v2.headers.get('deprecation')).toBeNull();
      }
    } finally {
      server.stop();
    }
  });
});
