import { parseResponsesCsv } from '../../lib/responses/responses-csv.loader';
import { appModule, nestApp, runner, snapshot } from '../testing/host-tree';

const FASTIFY_MAIN = `import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module.js';

const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter());
await app.listen(3000);
`;

describe('nest-add schematic', () => {
  it('imports MindoffModule.forRoot() in the root module', async () => {
    const tree = await runner().runSchematic('nest-add', {}, nestApp('esm'));
    expect(tree.readText('/src/app.module.ts')).toBe(
      appModule(true)
        .replace(
          "import { AppService } from './app.service.js';\n",
          "import { AppService } from './app.service.js';\nimport { MindoffModule } from 'mindoff';\n",
        )
        .replace('imports: []', 'imports: [MindoffModule.forRoot()]'),
    );
  });

  it('adds config/responses.csv: a header the catalog accepts and a comment on adding codes', async () => {
    const tree = await runner().runSchematic('nest-add', {}, nestApp());
    const csv = tree.readText('/config/responses.csv');
    expect(csv.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      'code,title,description,http_status',
      '',
    ]);
    expect(csv).toContain('# Add a row per code');
    expect(parseResponsesCsv(csv, 'config/responses.csv')).toEqual([]);
    const example = /^# e\.g\. (.*)$/m.exec(csv)![1];
    expect(parseResponsesCsv(`${csv}${example}\n`, 'config/responses.csv')).toEqual([
      {
        code: 'ORDER_CREATED',
        title: 'Order Created',
        description: 'Your order has been placed.',
        httpStatus: 201,
      },
    ]);
  });

  it('keeps an existing config/responses.csv', async () => {
    const mine = 'code,title,description,http_status\nMINE,Mine,Mine.,200\n';
    const tree = await runner().runSchematic(
      'nest-add',
      {},
      nestApp('esm', { '/config/responses.csv': mine }),
    );
    expect(tree.readText('/config/responses.csv')).toBe(mine);
  });

  it('sets "collection": "mindoff" in nest-cli.json, keeping the rest', async () => {
    const tree = await runner().runSchematic('nest-add', {}, nestApp());
    expect(JSON.parse(tree.readText('/nest-cli.json'))).toEqual({
      $schema: 'https://json.schemastore.org/nest-cli',
      collection: 'mindoff',
      sourceRoot: 'src',
      compilerOptions: { deleteOutDir: true },
    });
  });

  it('creates nest-cli.json when the app has none', async () => {
    const host = nestApp();
    host.delete('/nest-cli.json');
    const tree = await runner().runSchematic('nest-add', {}, host);
    expect(JSON.parse(tree.readText('/nest-cli.json'))).toEqual({
      $schema: 'https://json.schemastore.org/nest-cli',
      collection: 'mindoff',
    });
  });

  it('changes nothing when run a second time', async () => {
    const once = await runner().runSchematic(
      'nest-add',
      {},
      nestApp('esm', { '/src/main.ts': FASTIFY_MAIN }),
    );
    const before = snapshot(once);
    const twice = await runner().runSchematic('nest-add', {}, once);
    expect(snapshot(twice)).toEqual(before);
  });

  it('leaves main.ts as it is on fastify: a plain new FastifyAdapter() is all mindoff needs', async () => {
    const tree = await runner().runSchematic(
      'nest-add',
      {},
      nestApp('esm', { '/src/main.ts': FASTIFY_MAIN }),
    );
    expect(tree.readText('/src/main.ts')).toBe(FASTIFY_MAIN);
  });

  it.each([
    ['dependencies', '0.1.0'],
    ['devDependencies', 'file:../mindoff-0.1.0.tgz'],
  ])(
    'installs nothing and keeps the version when mindoff is already in %s',
    async (field, version) => {
      const pkg = `${JSON.stringify({ name: 'shop', [field]: { mindoff: version } }, null, 2)}\n`;
      const run = runner();
      const tree = await run.runSchematic('nest-add', {}, nestApp('esm', { '/package.json': pkg }));
      expect(run.tasks).toEqual([]);
      expect(tree.readText('/package.json')).toBe(pkg);
    },
  );

  it('says how to create the root module when there is none', async () => {
    const host = nestApp();
    host.delete('/src/app.module.ts');
    await expect(runner().runSchematic('nest-add', {}, host)).rejects.toThrow(
      'No app module at src/app.module.ts: mindoff registers its module and apps there.',
    );
  });
});
