import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'generator', 'fixtures');

const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const manifest = read<{ peerDependencies: Record<string, string> }>(join(ROOT, 'package.json'));

/**
 * The versions of `name` the specs run: the repository's own install, and the generator's fresh
 * Nest apps (test/generator/fixtures/*), whose locks pin what `nest new` installs.
 */
function testedVersions(name: string): string[] {
  const own = join(ROOT, 'node_modules', name, 'package.json');
  const versions = existsSync(own) ? [read<{ version: string }>(own).version] : [];
  for (const fixture of readdirSync(FIXTURES)) {
    const lock = join(FIXTURES, fixture, 'package-lock.json');
    if (!existsSync(lock)) continue;
    const { packages } = read<{ packages: Record<string, { version?: string }> }>(lock);
    const version = packages[`node_modules/${name}`]?.version;
    if (version) versions.push(version);
  }
  return versions;
}

/** The semver "major" of a version: its first number, or `0.<minor>` before 1.0 (as `^` reads it). */
function majorOf(version: string): string {
  const [major, minor] = version.split('.');
  return major === '0' ? `0.${minor}` : major;
}

// A peer range admits only the majors the specs run, each from a release they run or older in
// that major: `^X.Y.Z` parts joined by `||`, never `>=`, `*` or `x`, so a new major of a peer is
// a decision (a spec run against it, then a wider range), not an accident.
describe('the peer dependency ranges', () => {
  it.each(Object.entries(manifest.peerDependencies))(
    'bound %s (%s) to the majors the specs run',
    (name, range) => {
      const tested = testedVersions(name);
      expect(tested.length).toBeGreaterThan(0);
      const parts = range.split('||').map((part) => part.trim());
      for (const part of parts) expect(part).toMatch(/^\^\d+\.\d+\.\d+$/);
      const admitted = parts.map((part) => majorOf(part.slice(1)));
      const testedMajors = new Set(tested.map(majorOf));
      expect(admitted.filter((major) => !testedMajors.has(major))).toEqual([]);
      for (const version of tested) {
        const part = parts.find((p) => majorOf(p.slice(1)) === majorOf(version));
        expect(part && !isBelow(version, part.slice(1))).toBe(true);
      }
    },
  );
});

/** Whether version `a` is older than `b` (numeric x.y.z, prereleases ignored). */
function isBelow(a: string, b: string): boolean {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
}
