/** One command of the README's quick start, as the generator e2e runs it in a fresh app. */
export type QuickStartStep =
  /** `npm install mindoff`: the e2e installs the packed library instead of the registry's. */
  | { kind: 'install' }
  /** `nest add ...`, `nest g ...`: the app's Nest CLI with these arguments. */
  | { kind: 'nest'; args: string[] }
  /** `npm run build && npm test`: the app's npm scripts, in order. */
  | { kind: 'npm'; scripts: string[] }
  /** `curl -s -XPOST localhost:3000/... -H '...' -d '...'`: one request to the started app. */
  | { kind: 'curl'; method: string; path: string; headers: Record<string, string>; body: string };

const CURL = /^curl -s -X([A-Z]+) localhost:3000(\/\S*)((?: -H '[^':]+: [^']*')*) -d '([^']*)'$/;

/**
 * The commands of the README's "Install it into your app" block (its first `bash` block), each
 * read into the step the e2e runs; a command it cannot run is an error naming it.
 */
export function quickStartSteps(readme: string): QuickStartStep[] {
  const block = /```bash\n([\s\S]*?)```/.exec(installSection(readme))?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '')
    .map(step);
}

/** The `ts` block of the same section: the comment the generated class opens with. */
export function quickStartComment(readme: string): string {
  return /```ts\n([\s\S]*?)\n```/.exec(installSection(readme))?.[1] ?? '';
}

/** The README from its "Install it into your app" heading to the next one. */
function installSection(readme: string): string {
  const start = readme.indexOf('\n## Install it into your app\n');
  const end = readme.indexOf('\n## ', start + 1);
  return start === -1 ? '' : readme.slice(start, end === -1 ? undefined : end);
}

function step(command: string): QuickStartStep {
  if (command === 'npm install mindoff') return { kind: 'install' };
  if (command.startsWith('nest ')) return { kind: 'nest', args: command.split(' ').slice(1) };
  const scripts = command.split(' && ').map((part) => /^npm (?:run (\S+)|(test))$/.exec(part));
  if (scripts.every(Boolean)) return { kind: 'npm', scripts: scripts.map((m) => m![1] ?? m![2]) };
  const curl = CURL.exec(command);
  if (curl) {
    const headers = [...curl[3].matchAll(/-H '([^':]+): ([^']*)'/g)].map((h) => [h[1], h[2]]);
    return {
      kind: 'curl',
      method: curl[1],
      path: curl[2],
      headers: Object.fromEntries(headers),
      body: curl[4],
    };
  }
  throw new Error(
    `The README's quick start runs '${command}', which the generator e2e cannot run.`,
  );
}
