import { show } from './show';

/** The original's rule 15: named steps with non-blank labels and strictly increasing percents 1..99. */
export function checkProgressSteps(steps: unknown, processMode: unknown): string[] {
  if (steps === undefined || steps === null) return [];
  if (typeof steps !== 'object' || Array.isArray(steps)) {
    return [
      `${show(steps)} must be an object such as { collect: { label: 'Collect rows', percent: 20 } }.`,
    ];
  }
  const entries = Object.entries(steps as Record<string, unknown>);
  if (entries.length === 0) return [];
  if (processMode !== 'queue') {
    return [
      `are only valid for queue-mode APIs; set processMode: 'queue' or remove progressSteps.`,
    ];
  }
  const problems: string[] = [];
  let previous: { key: string; percent: number } | undefined;
  for (const [key, step] of entries) {
    if (key.trim() === '') problems.push('keys must not be blank.');
    if (typeof step !== 'object' || step === null) {
      problems.push(`['${key}'] must be an object { label, percent }.`);
      continue;
    }
    const { label, percent } = step as Record<string, unknown>;
    if (typeof label !== 'string' || label.trim() === '') {
      problems.push(`['${key}'].label must be a non-blank string.`);
    }
    if (!Number.isInteger(percent) || (percent as number) < 1 || (percent as number) > 99) {
      problems.push(
        `['${key}'].percent ${show(percent)} must be a whole number between 1 and 99 (0 = queued, 100 = completed).`,
      );
      continue;
    }
    if (previous && (percent as number) <= previous.percent) {
      problems.push(
        `percent for '${key}' (${percent}) must be greater than '${previous.key}' (${previous.percent}); steps must have strictly increasing percents.`,
      );
    }
    previous = { key, percent: percent as number };
  }
  return problems;
}
