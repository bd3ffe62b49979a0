import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The folder graph of lib/: folder → the lib folders its non-spec files import. Root files are
 * '.', except the two that assemble every folder (the public surface and the module), which are
 * the top node 'entry'; nested folders count as their top-level folder (queue/drivers is queue).
 */
export type FolderGraph = Map<string, Set<string>>;

const LIB = __dirname;
const ENTRY_FILES = new Set(['index.ts', 'mindoff.module.ts']);
// Static and dynamic imports, re-exports and require() of a relative path.
const RELATIVE_IMPORT =
  /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']*)'/gm;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The node of the folder graph a file (or an imported folder) belongs to. */
function folderOf(path: string): string {
  const parts = relative(LIB, path).split(sep);
  if (parts.length > 1 || (existsSync(path) && statSync(path).isDirectory())) return parts[0];
  return ENTRY_FILES.has(parts[0]) || ENTRY_FILES.has(`${parts[0]}.ts`) ? 'entry' : '.';
}

/** Reads every non-spec .ts file under lib/ and returns its folder-level import graph. */
export function folderGraph(): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const file of sourceFiles(LIB)) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(file), specifier);
      if (relative(LIB, target).startsWith('..')) continue;
      const to = folderOf(target);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** The first cycle found in the graph as a path `a → b → … → a`, or undefined when it is a DAG. */
export function findCycle(graph: FolderGraph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

const ARCHITECTURE = join(LIB, '..', 'docs', 'ARCHITECTURE.md');

/**
 * The "Exact edges" block of docs/ARCHITECTURE.md as a graph: entries `a: b, c` (several on a
 * line, apart by two spaces; an indented line continues the entry before it), `-` for none,
 * parenthesised notes ignored.
 */
export function documentedEdges(markdown: string): FolderGraph {
  const start = markdown.indexOf('Exact edges');
  const open = markdown.indexOf('```\n', start) + 4;
  const block = markdown.slice(open, markdown.indexOf('```', open));
  const entries: string[] = [];
  for (const line of block.split('\n')) {
    if (!line.trim()) continue;
    if (/^\s/.test(line) && entries.length) {
      entries[entries.length - 1] += ` ${line.trim()}`;
    } else {
      entries.push(...line.trim().split(/\s{2,}(?=[a-z.-]+: )/));
    }
  }
  const graph: FolderGraph = new Map();
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const deps = entry
      .slice(colon + 1)
      .replace(/\([^)]*\)/g, '')
      .split(',')
      .map((dep) => dep.trim())
      .filter((dep) => dep && dep !== '-');
    graph.set(entry.slice(0, colon).trim(), new Set(deps));
  }
  return graph;
}

/** Each folder and its edges as one sorted line, for a readable diff. */
function edgeLines(graph: FolderGraph): string[] {
  return [...graph.keys()]
    .sort()
    .map((name) => `${name}: ${[...(graph.get(name) ?? [])].sort().join(', ') || '-'}`);
}

describe('lib/ architecture', () => {
  it('has no cycle between folders (no folder imports a folder above it)', () => {
    const cycle = findCycle(folderGraph());
    expect(cycle?.join(' → ')).toBeUndefined();
  });

  it("is what docs/ARCHITECTURE.md's edge list says, edge for edge", () => {
    const actual = folderGraph();
    const documented = documentedEdges(readFileSync(ARCHITECTURE, 'utf8'));
    // `entry` assembles everything; the document says so ("every folder") rather than list it.
    expect([...(documented.get('entry') ?? [])]).toEqual(['every folder']);
    actual.delete('entry');
    documented.delete('entry');
    expect(edgeLines(documented)).toEqual(edgeLines(actual));
  });

  it('reads the edge list: entries side by side, continued lines, notes', () => {
    const graph = documentedEdges(
      'Exact edges\n\n```\na: -            b: a, c\nd: a,\n   b (types only)\n```\n',
    );
    expect(edgeLines(graph)).toEqual(['a: -', 'b: a, c', 'd: a, b']);
  });

  it('finds a cycle when a lower folder imports a higher one', () => {
    const graph: FolderGraph = new Map([
      ['errors', new Set(['.'])],
      ['.', new Set(['queue'])],
      ['queue', new Set(['errors'])],
    ]);
    expect(findCycle(graph)).toEqual(['.', 'queue', 'errors', '.']);
  });
});
