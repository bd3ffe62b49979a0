/** Prettier's default width, which Nest apps use: generated specs wrap where prettier would. */
const PRINT_WIDTH = 80;

/**
 * `const answer = await app.call(...)` for `version`, as prettier lays it out: on one line,
 * hugging the options, or one argument a line.
 */
export function answerCall(urlName: string, version: number): string {
  const opening = `    const answer = await app.call('${urlName}', {`;
  const hugged = `${opening}\n      version: ${version},\n    });`;
  const split = `    const answer = await app.call(\n      '${urlName}',\n      { version: ${version} },\n    );`;
  return fit(
    `    const answer = await app.call('${urlName}', { version: ${version} });`,
    opening.length <= PRINT_WIDTH ? hugged : split,
  );
}

/** The `data` an unknown version answers with, on one line or wrapped as prettier wraps it. */
export function availableVersionsData(versionsName: string): string {
  return fit(
    `      data: { available_versions: versionsOf(${versionsName}) },`,
    `      data: {\n        available_versions: versionsOf(${versionsName}),\n      },`,
  );
}

function fit(line: string, wrapped: string): string {
  return line.length <= PRINT_WIDTH ? line : wrapped;
}
