import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { anchorsOf, headingAnchor, linksOf } from '../support/markdown-links';

const ROOT = join(__dirname, '..', '..');

function markdownFiles(): string[] {
  const docs = join(ROOT, 'docs');
  return [
    join(ROOT, 'README.md'),
    join(ROOT, 'CONTRIBUTING.md'),
    ...readdirSync(docs, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(docs, name)),
  ].filter((path) => existsSync(path));
}

/** Every local link of `file` that points at no file, or at no heading of its file. */
function brokenLinks(file: string): string[] {
  const broken: string[] = [];
  for (const { target, line } of linksOf(readFileSync(file, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    const [path, anchor] = target.split('#', 2);
    const into = path ? join(dirname(file), path) : file;
    const where = `${relative(ROOT, file)}:${line}: ${target}`;
    if (!existsSync(into)) {
      broken.push(`${where} (no such file)`);
    } else if (anchor !== undefined && statSync(into).isFile() && into.endsWith('.md')) {
      if (!anchorsOf(readFileSync(into, 'utf8')).has(anchor))
        broken.push(`${where} (no such heading)`);
    }
  }
  return broken;
}

describe('links in the README and the guides', () => {
  it('are there to check', () => {
    const local = linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8')).filter(
      ({ target }) => !/^[a-z][a-z0-9+.-]*:/i.test(target),
    );
    expect(local.length).toBeGreaterThan(10);
  });

  it('each point at a file that exists and a heading it has', () => {
    expect(markdownFiles().flatMap(brokenLinks)).toEqual([]);
  });

  it('anchor headings as GitHub does', () => {
    expect(headingAnchor('Testing: `mindoff/testing`')).toBe('testing-mindofftesting');
    expect(headingAnchor('File uploads (multipart/form-data)')).toBe(
      'file-uploads-multipartform-data',
    );
    expect(headingAnchor('`@MindoffApi` fields')).toBe('mindoffapi-fields');
    expect([...anchorsOf('# A\n## A\n```\n# not a heading\n```\n')]).toEqual(['a', 'a-1']);
  });
});
