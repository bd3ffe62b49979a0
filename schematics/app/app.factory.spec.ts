import { appModule, nestApp, runner } from '../testing/host-tree';

const ORDERS_MODULE = `import { Module } from '@nestjs/common';

/** The \`orders\` app: its APIs answer at \`/v<n>/orders/<api_name>/\`. */
@Module({
  imports: [],
})
export class OrdersModule {}
`;

describe('app schematic', () => {
  it('creates the app module and imports it in the root module (ESM: .js suffix)', async () => {
    const tree = await runner().runSchematic('app', { name: 'orders' }, nestApp('esm'));
    expect(tree.readText('/src/orders/orders.module.ts')).toBe(ORDERS_MODULE);
    expect(tree.readText('/src/app.module.ts')).toBe(
      appModule(true)
        .replace(
          "import { AppService } from './app.service.js';\n",
          "import { AppService } from './app.service.js';\nimport { OrdersModule } from './orders/orders.module.js';\n",
        )
        .replace('imports: []', 'imports: [OrdersModule]'),
    );
  });

  it('imports without a suffix in a CommonJS app', async () => {
    const tree = await runner().runSchematic('app', { name: 'orders' }, nestApp('cjs'));
    expect(tree.readText('/src/app.module.ts')).toContain(
      "import { OrdersModule } from './orders/orders.module';",
    );
  });

  it('names folder, file and class from a snake_case name and keeps it as the route segment', async () => {
    const tree = await runner().runSchematic('app', { name: 'user_profiles' }, nestApp('esm'));
    expect(tree.readText('/src/user-profiles/user-profiles.module.ts')).toBe(
      ORDERS_MODULE.replace(/orders/g, 'user_profiles').replace(
        'OrdersModule',
        'UserProfilesModule',
      ),
    );
  });

  it('writes into sourceRoot itself with --flat and under --path', async () => {
    const flat = await runner().runSchematic('app', { name: 'orders', flat: true }, nestApp());
    expect(flat.exists('/src/orders.module.ts')).toBe(true);
    expect(flat.readText('/src/app.module.ts')).toContain("from './orders.module.js';");
    const nested = await runner().runSchematic('app', { name: 'orders', path: 'apps' }, nestApp());
    expect(nested.exists('/src/apps/orders/orders.module.ts')).toBe(true);
    expect(nested.readText('/src/app.module.ts')).toContain(
      "from './apps/orders/orders.module.js';",
    );
  });

  it('leaves the root module alone with --skip-import', async () => {
    const tree = await runner().runSchematic(
      'app',
      { name: 'orders', skipImport: true },
      nestApp('esm'),
    );
    expect(tree.readText('/src/app.module.ts')).toBe(appModule(true));
    expect(tree.exists('/src/orders/orders.module.ts')).toBe(true);
  });

  it('refuses an app that exists, saying how to add an API to it', async () => {
    const tree = await runner().runSchematic('app', { name: 'orders' }, nestApp());
    await expect(runner().runSchematic('app', { name: 'orders' }, tree)).rejects.toThrow(
      'App orders already exists (src/orders/orders.module.ts). Add an API to it with: nest g -c mindoff api orders/<api_name>',
    );
  });

  it('refuses a name that is not snake_case, with the rule', async () => {
    await expect(runner().runSchematic('app', { name: '9lives' }, nestApp())).rejects.toThrow(
      "Invalid app name '9lives': use snake_case",
    );
  });

  it('says how to create the root module when there is none', async () => {
    const tree = nestApp();
    tree.delete('/src/app.module.ts');
    await expect(runner().runSchematic('app', { name: 'orders' }, tree)).rejects.toThrow(
      'No app module at src/app.module.ts',
    );
  });
});
