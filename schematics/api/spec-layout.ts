import { flat, layout, PRINT_WIDTH, type LiteralValue } from '../utils/layout';

/** The value generated specs give every path parameter: valid for `Int` and `String` alike. */
export const SAMPLE_PARAM = 1;

/**
 * `const answer = await app.call(...)` for `version`, with a sample value for each path
 * parameter, as prettier lays it out: on one line, hugging the options, or one argument a line.
 */
export function answerCall(urlName: string, version: number, params: string[] = []): string {
  const options: Record<string, LiteralValue> = {
    version,
    ...(params.length > 0 && {
      params: Object.fromEntries(params.map((name) => [name, SAMPLE_PARAM])),
    }),
  };
  const line = `    const answer = await app.call('${urlName}', ${flat(options)});`;
  if (line.length <= PRINT_WIDTH) return line;
  const opening = `    const answer = await app.call('${urlName}', {`;
  if (opening.length <= PRINT_WIDTH) {
    const entries = Object.entries(options).map(([key, value]) => {
      const lead = `      ${key}: `;
      return `${lead}${layout(value, '      ', lead.length, 1)},`;
    });
    return `${opening}\n${entries.join('\n')}\n    });`;
  }
  return `    const answer = await app.call(\n      '${urlName}',\n      ${layout(options, '      ', 6, 1)},\n    );`;
}

/** The `data` an unknown version answers with, on one line or wrapped as prettier wraps it. */
export function availableVersionsData(versionsName: string): string {
  const line = `      data: { available_versions: versionsOf(${versionsName}) },`;
  return line.length <= PRINT_WIDTH
    ? line
    : `      data: {\n        available_versions: versionsOf(${versionsName}),\n      },`;
}

/** `/v1/orders/get_order/1/`: where version 1 answers at `path`, with sample path parameters. */
export function sampleUrl(path: string, version = 1): string {
  return `/v${version}/${path.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, String(SAMPLE_PARAM))}/`;
}

/**
 * `const answer = await fetch(`${app.url}<url>`);`, with `{ method }` unless it is GET, split
 * where prettier splits it.
 */
export function fetchCall(url: string, method = 'GET'): string {
  const target = `\`\${app.url}${url}\``;
  const args = method === 'GET' ? [target] : [target, `{ method: '${method}' }`];
  const line = `    const answer = await fetch(${args.join(', ')});`;
  if (line.length <= PRINT_WIDTH) return line;
  const hugging = `    const answer = await fetch(${target}, {`;
  if (args.length === 2 && hugging.length <= PRINT_WIDTH) {
    return `${hugging}\n      method: '${method}',\n    });`;
  }
  return `    const answer = await fetch(\n${args.map((arg) => `      ${arg},\n`).join('')}    );`;
}

/**
 * One test per URL pattern, each requesting version 1 there with the API's method (sample path
 * parameters) and expecting the API's SUCCESS; empty when the API has only its default pattern.
 */
export function routeChecks(paths: string[] | undefined, method = 'GET'): string {
  return (paths ?? [])
    .map((path) => {
      const url = sampleUrl(path);
      return `

  it('answers SUCCESS at ${url}', async () => {
${fetchCall(url, method)}
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      status: 'ok',
      message: { code: 'SUCCESS' },
    });
  });`;
    })
    .join('');
}
