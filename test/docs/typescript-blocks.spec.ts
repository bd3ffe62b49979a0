import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { markdownTsBlocks, type MarkdownTsBlock } from '../support/markdown-ts-blocks';

const ROOT = join(__dirname, '..', '..');

/** The Markdown a user reads: the README and every guide under docs/. */
function guides(): string[] {
  const docs = join(ROOT, 'docs');
  const inDocs = readdirSync(docs, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(docs, name));
  return [join(ROOT, 'README.md'), ...inDocs];
}

/**
 * Type-checks each block as a module of its own, in memory, against the package's source and the
 * real peer packages, strict as a Nest app's tsconfig; returns each diagnostic as
 * `README.md:<line>: <message>` at the Markdown line it comes from.
 */
function typeCheckBlocks(blocks: (MarkdownTsBlock & { file: string })[]): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    // A Nest app's own: node, and jest for its specs (the testing kit's example).
    types: ['node', 'jest'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
    // The package's entry points, as its exports map names them, from source.
    paths: {
      mindoff: [join(ROOT, 'lib', 'index.ts')],
      'mindoff/testing': [join(ROOT, 'lib', 'testing', 'index.ts')],
      'mindoff/client': [join(ROOT, 'lib', 'client', 'index.ts')],
    },
  };
  const sources = new Map<
    string,
    { text: string; block: (typeof blocks)[number]; offset: number }
  >();
  blocks.forEach((block, index) => {
    const name = join(ROOT, block.dir, `__guide_block_${index}.ts`);
    const prelude = block.prelude ? `${block.prelude.trimEnd()}\n` : '';
    const head = block.body ? `${prelude}export async function block() {\n` : prelude;
    const tail = block.body ? '\n}' : '\nexport {};';
    sources.set(name, {
      text: `${head}${block.code}${tail}\n`,
      block,
      offset: head ? head.split('\n').length - 1 : 0,
    });
  });
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => sources.has(name) || ts.sys.fileExists(name);
  host.readFile = (name) => sources.get(name)?.text ?? readFile(name);
  host.getSourceFile = (name, language, onError) => {
    const source = sources.get(name);
    return source
      ? ts.createSourceFile(name, source.text, language, true)
      : getSourceFile(name, language, onError);
  };
  const program = ts.createProgram([...sources.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file || d.start === undefined) return message;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const source = sources.get(d.file.fileName);
    if (!source) return `${relative(ROOT, d.file.fileName)}:${line + 1}: ${message}`;
    const inBlock = line - source.offset;
    const where =
      inBlock < 0
        ? `(its ts-check prelude, line ${line + 1})`
        : String(source.block.line + inBlock);
    return `${source.block.file}:${where}: ${message}`;
  });
}

describe('the TypeScript blocks of the README and the guides', () => {
  const blocks = guides().flatMap((path) =>
    markdownTsBlocks(readFileSync(path, 'utf8')).map((block) => ({
      ...block,
      file: relative(ROOT, path),
    })),
  );

  it('are there to check', () => {
    expect(blocks.length).toBeGreaterThan(20);
  });

  it('compile against the package and its peers', () => {
    expect(typeCheckBlocks(blocks)).toEqual([]);
  });

  it('would report a block that does not compile, at its line', () => {
    const broken = {
      line: 10,
      code: "const n: number = 'x';",
      prelude: '',
      dir: '.',
      body: false,
      file: 'X.md',
    };
    expect(typeCheckBlocks([broken])).toEqual([
      "X.md:10: Type 'string' is not assignable to type 'number'.",
    ]);
  });
});
