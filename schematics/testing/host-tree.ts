import { SchematicTestRunner, UnitTestTree } from '@angular-devkit/schematics/testing';
import { Tree } from '@angular-devkit/schematics';
import { join } from 'node:path';

/** The collection as published, but with factories read from the TypeScript sources. */
export const COLLECTION = join(__dirname, 'collection.json');

export function runner(): SchematicTestRunner {
  return new SchematicTestRunner('mindoff', COLLECTION);
}

/** The root module `nest new` writes (ESM: `.js` suffixes). */
export function appModule(esm: boolean): string {
  const js = esm ? '.js' : '';
  return `import { Module } from '@nestjs/common';
import { AppController } from './app.controller${js}';
import { AppService } from './app.service${js}';

@Module({
  imports: [],
  controllers: [AppController],
  providers: [AppService],
})
export class AppModule {}
`;
}

/** A tree shaped like a fresh `nest new` app: ESM with vitest (today's default) or CJS with jest. */
export function nestApp(
  kind: 'esm' | 'cjs' = 'esm',
  files: Record<string, string> = {},
): UnitTestTree {
  const tree = new UnitTestTree(Tree.empty());
  const esm = kind === 'esm';
  const devDependencies = esm ? { vitest: '^4.1.2' } : { jest: '^30.0.0' };
  tree.create(
    '/package.json',
    JSON.stringify({ name: 'shop', ...(esm ? { type: 'module' } : {}), devDependencies }, null, 2),
  );
  tree.create(
    '/nest-cli.json',
    '{\n  "$schema": "https://json.schemastore.org/nest-cli",\n  "collection": "@nestjs/schematics",\n  "sourceRoot": "src",\n  "compilerOptions": {\n    "deleteOutDir": true\n  }\n}\n',
  );
  tree.create('/tsconfig.json', '{ "compilerOptions": { "types": ["vitest/globals", "node"] } }\n');
  if (esm) tree.create('/vitest.config.ts', 'export default { test: { globals: true } };\n');
  tree.create('/src/app.module.ts', appModule(esm));
  tree.create(
    '/src/main.ts',
    "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module.js';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(process.env.PORT ?? 3000);\n}\nawait bootstrap();\n",
  );
  for (const [path, content] of Object.entries(files)) {
    if (tree.exists(path)) tree.overwrite(path, content);
    else tree.create(path, content);
  }
  return tree;
}

/** Every file of the tree with its text, for before/after comparisons. */
export function snapshot(tree: Tree): Record<string, string> {
  const files: Record<string, string> = {};
  tree.visit((path) => {
    files[path] = tree.readText(path);
  });
  return files;
}
