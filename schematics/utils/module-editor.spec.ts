import { addNamedImport, addToModuleArray } from './module-editor';

const add = (source: string, element = 'OrdersModule', key = element) =>
  addToModuleArray(source, 'src/app.module.ts', 'imports', element, key);

describe('module editor', () => {
  describe('addToModuleArray', () => {
    it('fills an empty imports array', () => {
      expect(add('@Module({\n  imports: [],\n})\nexport class A {}\n')).toBe(
        '@Module({\n  imports: [OrdersModule],\n})\nexport class A {}\n',
      );
    });

    it('appends on one line while it fits in 80 columns', () => {
      expect(add('@Module({\n  imports: [ConfigModule],\n})\n')).toBe(
        '@Module({\n  imports: [ConfigModule, OrdersModule],\n})\n',
      );
    });

    it('wraps one item a line, as prettier does, past 80 columns', () => {
      const source =
        '@Module({\n  imports: [MindoffModule.forRoot(), ConfigModule, UsersModule, ShopModule],\n})\n';
      expect(add(source)).toBe(
        '@Module({\n  imports: [\n    MindoffModule.forRoot(),\n    ConfigModule,\n    UsersModule,\n    ShopModule,\n    OrdersModule,\n  ],\n})\n',
      );
    });

    it('keeps comments and multi-line items, appending after the last item', () => {
      const source =
        '@Module({\n  imports: [\n    // configuration first\n    ConfigModule.forRoot({\n      isGlobal: true,\n    }),\n  ],\n})\n';
      expect(add(source)).toBe(
        '@Module({\n  imports: [\n    // configuration first\n    ConfigModule.forRoot({\n      isGlobal: true,\n    }),\n    OrdersModule,\n  ],\n})\n',
      );
    });

    it('adds the imports property when the module has none', () => {
      expect(add('@Module({\n  providers: [A],\n})\n')).toBe(
        '@Module({\n  imports: [OrdersModule],\n  providers: [A],\n})\n',
      );
      expect(add('@Module({})\n')).toBe('@Module({ imports: [OrdersModule] })\n');
      expect(add('@Module({ providers: [A] })\n')).toBe(
        '@Module({ imports: [OrdersModule], providers: [A] })\n',
      );
    });

    it('changes nothing when the key is already imported, in any form', () => {
      const source = '@Module({\n  imports: [MindoffModule.forRoot({ trustProxy: 1 })],\n})\n';
      expect(add(source, 'MindoffModule.forRoot()', 'MindoffModule')).toBe(source);
    });

    it('is not fooled by brackets in strings and comments', () => {
      const source = "@Module({\n  imports: [Db.forRoot(']'), /* [ */ Cache],\n})\n";
      expect(add(source)).toBe(
        "@Module({\n  imports: [Db.forRoot(']'), /* [ */ Cache, OrdersModule],\n})\n",
      );
    });

    it('refuses imports that are not an array literal', () => {
      expect(() => add('@Module({ imports: shared })\n')).toThrow(
        'src/app.module.ts: @Module imports is not an array literal; add OrdersModule to it yourself, or pass --skip-import.',
      );
    });
  });

  describe('addNamedImport', () => {
    it('adds the import after the last one', () => {
      expect(addNamedImport("import { A } from './a';\n\nconst x = 1;\n", 'B', './b')).toBe(
        "import { A } from './a';\nimport { B } from './b';\n\nconst x = 1;\n",
      );
    });

    it('adds to an import from the same specifier, and not twice', () => {
      const once = addNamedImport(
        "import { MindoffApi } from 'mindoff';\n",
        'MindoffModule',
        'mindoff',
      );
      expect(once).toBe("import { MindoffApi, MindoffModule } from 'mindoff';\n");
      expect(addNamedImport(once, 'MindoffModule', 'mindoff')).toBe(once);
    });

    it('finds the end of a multi-line import', () => {
      const source = "import {\n  A,\n  B,\n} from './ab';\n\n@Module({})\n";
      expect(addNamedImport(source, 'C', './c')).toBe(
        "import {\n  A,\n  B,\n} from './ab';\nimport { C } from './c';\n\n@Module({})\n",
      );
    });

    it('starts the file when it has no imports', () => {
      expect(addNamedImport('export {};\n', 'A', './a')).toBe(
        "import { A } from './a';\nexport {};\n",
      );
    });
  });
});
