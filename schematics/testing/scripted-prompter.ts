import type { Prompter } from '../utils/prompter';

/** A prompter that answers from a script and records the conversation. */
export function scriptedPrompter(answers: string[]): Prompter & { transcript: string[] } {
  const transcript: string[] = [];
  return {
    transcript,
    async ask(question) {
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question: ${question}`);
      transcript.push(`? ${question}${answer}`);
      return answer;
    },
    say(line) {
      transcript.push(line);
    },
  };
}
