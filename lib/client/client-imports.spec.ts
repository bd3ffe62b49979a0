import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// mindoff/client runs in browsers and must never pull server code into a bundle: its files load
// only each other at run time (as './x.js', which its ES module build keeps), read the server's
// types with `import type` only, and use no Node globals.

const FOLDER = __dirname;
const files = readdirSync(FOLDER).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'),
);
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm;

function importsOf(file: string): { typeOnly: boolean; specifier: string }[] {
  const text = readFileSync(join(FOLDER, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => ({
    typeOnly: match[2] !== undefined,
    specifier: match[3],
  }));
}

describe('mindoff/client stays a browser-safe, dependency-free entry point', () => {
  it('has source files to check', () => {
    expect(files).toEqual(
      expect.arrayContaining(['index.ts', 'mindoff-client.ts', 'transport.ts']),
    );
  });

  it.each(files)('%s loads only files of lib/client at run time, as ./<name>.js', (file) => {
    const loaded = importsOf(file).filter((each) => !each.typeOnly);
    for (const { specifier } of loaded) expect(specifier).toMatch(/^\.\/[\w.-]+\.js$/);
  });

  it.each(files)('%s reads other lib folders for types only, and no package at all', (file) => {
    for (const { typeOnly, specifier } of importsOf(file)) {
      expect(specifier.startsWith('./') || (typeOnly && specifier.startsWith('../'))).toBe(true);
    }
  });

  it.each(files)('%s reads only server types that carry no Node types themselves', (file) => {
    // A browser project type-checks what the client's declarations refer to: those files, and
    // what they import in turn, must not need @types/node (no node: imports, Buffer or NodeJS).
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      const text = readFileSync(path, 'utf8');
      expect([path, /\bfrom\s+'node:|\bBuffer\b|\bNodeJS\./.test(text)]).toEqual([path, false]);
      for (const match of text.matchAll(IMPORT)) {
        if (match[3].startsWith('.'))
          visit(join(dirname(path), `${match[3].replace(/\.js$/, '')}.ts`));
      }
    };
    for (const { specifier } of importsOf(file)) {
      if (specifier.startsWith('../')) visit(join(FOLDER, `${specifier}.ts`));
    }
  });

  it.each(files)('%s uses no Node globals', (file) => {
    const code = readFileSync(join(FOLDER, file), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    expect(code).not.toMatch(/\b(Buffer|__dirname|__filename)\b|\b(process|global)\.|\brequire\(/);
  });

  it('reads an import line the way the checks above do', () => {
    const text =
      "import type { A } from '../x';\nimport { b, type C } from './b.js';\nexport { d } from './d.js';";
    expect([...text.matchAll(IMPORT)].map((m) => [m[2] !== undefined, m[3]])).toEqual([
      [true, '../x'],
      [false, './b.js'],
      [false, './d.js'],
    ]);
  });
});
