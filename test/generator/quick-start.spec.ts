import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nestApp, runner } from '../../schematics/testing/host-tree';
import { quickStartComment, quickStartSteps } from './support/quick-start';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const DIR = '/src/orders/create-order';

/** What the README's quick start makes of a fresh app, with `main.ts` given. */
async function quickStart(main?: string) {
  const run = runner();
  let tree = await run.runSchematic(
    'nest-add',
    {},
    nestApp('esm', main ? { '/src/main.ts': main } : {}),
  );
  tree = await run.runSchematic('api', { name: 'orders/create_order' }, tree);
  return tree;
}

describe("the README's quick start", () => {
  it('is the commands the generator e2e runs in a fresh Nest app', () => {
    expect(quickStartSteps(README)).toEqual([
      { kind: 'install' },
      { kind: 'nest', args: ['add', 'mindoff', '--skip-install'] },
      { kind: 'nest', args: ['g', 'api', 'orders/create_order'] },
      { kind: 'nest', args: ['g', 'api', 'jobs/generate_report', '--type', 'queue'] },
      { kind: 'npm', scripts: ['build', 'test'] },
      { kind: 'npm', scripts: ['start:dev'] },
      {
        kind: 'curl',
        method: 'POST',
        path: '/v1/orders/create_order/',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
    ]);
  });

  it('names the files nest g api orders/create_order writes, and the comment it opens with', async () => {
    const tree = await quickStart();
    expect(tree.files.filter((path) => path.startsWith('/src/orders/')).sort()).toEqual([
      `${DIR}/create-order.v1.api.spec.ts`,
      `${DIR}/create-order.v1.api.ts`,
      `${DIR}/create-order.versions.spec.ts`,
      `${DIR}/create-order.versions.ts`,
      '/src/orders/orders.module.ts',
    ]);
    expect(tree.readText('/src/app.module.ts')).toContain(
      "import { OrdersModule } from './orders/orders.module.js';",
    );
    const v1 = tree.readText(`${DIR}/create-order.v1.api.ts`);
    expect(quickStartComment(README)).toMatch(/^\/\*\*\n \* Create Order, version 1: `POST /);
    expect(v1).toContain(`\n${quickStartComment(README)}\n@MindoffApi({`);
    expect(v1).toContain("\n  method: 'POST',");
  });

  it('gives the URL under a global prefix as the generated comment has it', async () => {
    const main = "const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api');\n";
    const v1 = (await quickStart(main)).readText(`${DIR}/create-order.v1.api.ts`);
    const url = '/api/v1/orders/create_order/';
    expect(v1).toContain(`version 1: \`POST ${url}\`.`);
    const prose = README.replace(/\s+/g, ' ');
    expect(prose).toContain(`the comments say \`POST ${url}\``);
    expect(prose).toContain(`curl -s -XPOST localhost:3000${url} `);
  });
});
