import { createInterface } from 'node:readline/promises';

/** Asks the person at the terminal; specs pass a scripted one. */
export interface Prompter {
  ask(question: string): Promise<string>;
  say(line: string): void;
}

/**
 * A prompter on the terminal, or null when nobody can answer: no TTY, CI, or a test runner (the
 * schematic then needs its arguments on the command line, and says which).
 */
export function terminalPrompter(env: NodeJS.ProcessEnv = process.env): Prompter | null {
  const tty = process.stdin.isTTY && process.stdout.isTTY;
  const automated = ['CI', 'JEST_WORKER_ID', 'VITEST'].some((name) => Boolean(env[name]));
  if (!tty || automated) return null;
  return {
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return (await rl.question(question)).trim();
      } finally {
        rl.close();
      }
    },
    say(line) {
      process.stdout.write(`${line}\n`);
    },
  };
}

/** Asks until `accept` returns a value, saying `invalid(answer)` after each refused answer. */
export async function askUntil<T>(
  prompter: Prompter,
  question: string,
  accept: (answer: string) => T | undefined,
  invalid: (answer: string) => string,
): Promise<T> {
  for (;;) {
    const answer = await prompter.ask(question);
    const accepted = accept(answer);
    if (accepted !== undefined) return accepted;
    prompter.say(invalid(answer));
  }
}
