/** Thrown when the app's responses CSV cannot be used; `problems` lists every problem found. */
export class ResponsesCsvError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `${file} has ${problems.length} problem(s); fix them and restart:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ResponsesCsvError';
  }
}
