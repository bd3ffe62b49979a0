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

    describe('in module files as apps write them', () => {
      const MODULE = `import { Module, forwardRef } from '@nestjs/common';
import {
  ConfigModule,
  ConfigService,
} from '@nestjs/config'; // one per line, as prettier wraps them
import { UsersModule } from './users/users.module';

// @Module({ imports: [Commented] }) is not the decorator
const example = '@Module({ imports: [InAString] })';

@Global()
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }), // configuration first
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({ url: config.get('DB') }),
    }),
    forwardRef(() => UsersModule),
    ...FEATURE_MODULES,
  ],
  controllers: [AppController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ConfigModule],
})
export class AppModule {}
`;

      it('appends to the top-level imports after a trailing comma, not to a nested imports or a commented one', () => {
        expect(add(MODULE)).toBe(
          MODULE.replace(
            '    ...FEATURE_MODULES,\n',
            '    ...FEATURE_MODULES,\n    OrdersModule,\n',
          ),
        );
      });

      it('keeps a comment ending the last item on its line', () => {
        const source =
          '@Module({\n  imports: [\n    ConfigModule, // configuration first\n  ],\n})\n';
        expect(add(source)).toBe(
          '@Module({\n  imports: [\n    ConfigModule, // configuration first\n    OrdersModule,\n  ],\n})\n',
        );
        const bare = '@Module({\n  imports: [\n    ConfigModule // configuration first\n  ],\n})\n';
        expect(add(bare)).toBe(
          '@Module({\n  imports: [\n    ConfigModule, // configuration first\n    OrdersModule\n  ],\n})\n',
        );
      });

      it('knows a module already there behind forwardRef, a spread or a static call', () => {
        expect(add(MODULE, 'UsersModule')).toBe(MODULE);
        expect(add(MODULE, 'FEATURE_MODULES')).toBe(MODULE);
        expect(add(MODULE, 'ConfigModule.forRoot()', 'ConfigModule')).toBe(MODULE);
        expect(add(MODULE, 'TypeOrmModule')).toBe(MODULE);
      });

      it('adds imports first in a module that declares other metadata only', () => {
        const source =
          '@Module({\n  controllers: [OrdersController],\n  providers: [OrdersService], // the service\n})\nexport class OrdersModule {}\n';
        expect(add(source, 'MindoffModule')).toBe(
          '@Module({\n  imports: [MindoffModule],\n  controllers: [OrdersController],\n  providers: [OrdersService], // the service\n})\nexport class OrdersModule {}\n',
        );
      });

      it('takes imports written as a string key, as MetadataManager does', () => {
        expect(add("@Module({ 'imports': [ConfigModule] })\n")).toBe(
          "@Module({ 'imports': [ConfigModule, OrdersModule] })\n",
        );
      });

      it('refuses an imports shorthand or a spread variable, naming the property', () => {
        expect(() => add('@Module({ imports })\n')).toThrow(
          '@Module imports is not an array literal',
        );
        expect(() => add('@Module({ imports: [...base].concat(extra) })\n')).toThrow(
          '@Module imports is not an array literal',
        );
      });
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

    it('adds a name to a multi-line import on a line of its own', () => {
      const source = "import {\n  MindoffApi,\n  MindoffResponse,\n} from 'mindoff';\n";
      expect(addNamedImport(source, 'MindoffModule', 'mindoff')).toBe(
        "import {\n  MindoffApi,\n  MindoffResponse,\n  MindoffModule,\n} from 'mindoff';\n",
      );
    });

    it('keeps a default import and the quotes of the one it adds to', () => {
      expect(
        addNamedImport('import Mindoff, { MindoffApi } from "mindoff";\n', 'B', 'mindoff'),
      ).toBe('import Mindoff, { MindoffApi, B } from "mindoff";\n');
      expect(addNamedImport('import { MindoffApi } from "mindoff";\n', 'B', 'mindoff')).toBe(
        'import { MindoffApi, B } from "mindoff";\n',
      );
    });

    it('does not take a type-only import for the value, nor add to one', () => {
      expect(
        addNamedImport(
          "import type { MindoffModule } from 'mindoff';\n",
          'MindoffModule',
          'mindoff',
        ),
      ).toBe(
        "import type { MindoffModule } from 'mindoff';\nimport { MindoffModule } from 'mindoff';\n",
      );
    });

    it('goes after the last import of any kind, past its comment, and not after one in a comment', () => {
      const source =
        "import express = require('express');\nimport 'reflect-metadata'; // first\n// import { Late } from './late';\n\n@Module({})\n";
      expect(addNamedImport(source, 'A', './a')).toBe(
        "import express = require('express');\nimport 'reflect-metadata'; // first\nimport { A } from './a';\n// import { Late } from './late';\n\n@Module({})\n",
      );
    });

    it('starts the file when it has no imports', () => {
      expect(addNamedImport('export {};\n', 'A', './a')).toBe(
        "import { A } from './a';\nexport {};\n",
      );
    });
  });
});
