import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nestApp, runner } from './testing/host-tree';

const PRETTIER = join(__dirname, '..', 'node_modules', 'prettier', 'bin', 'prettier.cjs');

describe('generated code', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mindoff-format-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['esm', 'cjs'] as const)(
    'is formatted as prettier formats a Nest app (%s), long names, URL patterns, methods, deprecations and a global prefix included',
    async (kind) => {
      const run = runner();
      const prefixed = {
        '/src/main.ts':
          "const app = await NestFactory.create(AppModule);\napp.setGlobalPrefix('api/internal');\n",
      };
      let tree = await run.runSchematic(
        'nest-add',
        {},
        nestApp(kind, kind === 'cjs' ? prefixed : {}),
      );
      tree = await run.runSchematic('app', { name: 'orders' }, tree);
      tree = await run.runSchematic('api', { name: 'orders/create_order' }, tree);
      tree = await run.runSchematic('version', { name: 'orders/create_order' }, tree);
      tree = await run.runSchematic(
        'api',
        { name: 'monthly_statements/generate_consolidated_report', url: 'generate/:year/' },
        tree,
      );
      tree = await run.runSchematic(
        'api',
        { name: 'orders/get_order', url: 'get_order/<int:order_id>, :order_id', type: 'queue' },
        tree,
      );
      tree = await run.runSchematic(
        'version',
        { name: 'orders/get_order', sunset: '2027-06-30' },
        tree,
      );
      tree = await run.runSchematic(
        'version',
        { name: 'orders/create_order', deprecatePrevious: true },
        tree,
      );
      tree = await run.runSchematic(
        'api',
        {
          name: 'monthly_statements/list_consolidated_shipments',
          url: 'customers/:customer_identifier/orders/<int:order_identifier>/shipments/:shipment_identifier, by_shipment/:shipment_identifier/:order_identifier/:customer_identifier',
        },
        tree,
      );
      for (const name of ['shipping_labels', 'payment_providers', 'customer_accounts']) {
        tree = await run.runSchematic('app', { name }, tree);
      }
      tree = await run.runSchematic('api', { name: 'orders/cancel_order', flat: true }, tree);
      for (const options of [
        { name: 'orders/update_order', url: 'update_order/:order_id, :order_id' },
        {
          name: 'monthly_statements/delete_consolidated_report',
          url: 'customers/:customer_identifier/reports/:report_identifier',
          method: 'PATCH',
        },
      ]) {
        tree = await run.runSchematic('api', options, tree);
      }
      const root = join(dir, kind);
      const sources = tree.files.filter((path) => path.startsWith('/src/'));
      for (const path of sources) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), tree.readText(path));
      }
      writeFileSync(join(root, '.prettierrc'), '{ "singleQuote": true, "trailingComma": "all" }\n');
      const check = () =>
        execFileSync(process.execPath, [PRETTIER, '--check', 'src'], { cwd: root, stdio: 'pipe' });
      expect(check).not.toThrow();
    },
  );
});
