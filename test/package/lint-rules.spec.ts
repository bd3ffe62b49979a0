import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The repository's ESLint config (`npm run lint`) reads types: a promise left floating, handed
 * where nothing waits for it or awaited when it is not one fails the lint, in TypeScript and in
 * the .mjs scripts alike. Each probe is linted from stdin as if it were a file of the repository
 * (nothing is written). Slow tier: each run starts the type-aware project service.
 */
const ROOT = join(__dirname, '..', '..');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

jest.setTimeout(120_000);

const PROBES = [
  {
    file: 'lib/deadline.ts',
    code: [
      'export async function later(): Promise<number> { return 1; }',
      'later();',
      'export async function twice(): Promise<void> { await 2; }',
      '[1].forEach(async () => { await later(); });',
      'export const sure = later().then(() => true, () => false);',
      '',
    ].join('\n'),
  },
  {
    file: 'scripts/probe.mjs',
    code: [
      'async function later() { return 1; }',
      'later();',
      'await 2;',
      '[1].forEach(async () => { await later(); });',
      'await later().catch(() => 0);',
      '',
    ].join('\n'),
  },
];

describe('the lint', () => {
  it.each(PROBES)(
    'fails a floating promise, a misused one and an await of a non-promise in $file',
    async ({ file, code }) => {
      const messages = await lintAs(file, code);
      expect(messages).toEqual([
        { line: 2, ruleId: '@typescript-eslint/no-floating-promises' },
        { line: 3, ruleId: '@typescript-eslint/await-thenable' },
        { line: 4, ruleId: '@typescript-eslint/no-misused-promises' },
      ]);
    },
  );
});

/** What ESLint reports on `code` linted as the repository's `file`. */
function lintAs(file: string, code: string): Promise<{ line: number; ruleId: string }[]> {
  const args = [ESLINT, '--stdin', '--stdin-filename', file, '--format', 'json'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(code);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        const [result] = JSON.parse(out) as {
          messages: { line: number; ruleId: string | null }[];
        }[];
        resolve(result.messages.map(({ line, ruleId }) => ({ line, ruleId: String(ruleId) })));
      } catch {
        reject(new Error(`eslint ended with ${code} and printed no report: ${out}`));
      }
    });
  });
}
