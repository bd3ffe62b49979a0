import { renderImport } from '../utils/module-editor';
import { apiClassName, type ApiNames } from '../utils/names';
import type { HostProject } from '../utils/project';
import { runnerImport } from '../utils/spec-preamble';

/** What one generated file needs to know besides the API's names. */
export interface TemplateContext {
  names: ApiNames;
  host: HostProject;
  /** `./create-order.versions(.js)`: the specifier of a sibling file, as the host writes it. */
  sibling(file: string): string;
}

/** The API class of version `version`, with `run()` answering SUCCESS. */
export function apiClassFile(
  { names }: TemplateContext,
  version: number,
  processMode: 'direct' | 'queue',
  routePath: string,
): string {
  return `import { MindoffApi, MindoffResponse } from 'mindoff';

/** ${names.title}, version ${version}: \`GET /v${version}/${routePath}/\`. */
@MindoffApi({
  urlName: '${names.urlName}',
  name: '${names.title}',
  description: '${names.title} API',
  method: 'GET',
  processMode: '${processMode}',
  payloadValidation: 'strict',
})
export class ${apiClassName(names.className, version)} {
  /** Answers SUCCESS; \`run(ctx)\` also gets the payload, query, params and user (MindoffContext). */
  async run() {
    return MindoffResponse.json({
      code: 'SUCCESS',
      category: 'success',
      data: {},
    });
  }
}
`;
}

/** The version map: each version number served by its class. */
export function versionsFile(context: TemplateContext, customPath: string | undefined): string {
  const { names } = context;
  const v1 = apiClassName(names.className, 1);
  const map = `{\n  1: ${v1},\n}`;
  const register = customPath
    ? `MindoffVersions.register(\n  {\n    1: ${v1},\n  },\n  { path: '${customPath}' },\n)`
    : `MindoffVersions.register(${map})`;
  return `import { MindoffVersions } from 'mindoff';
${renderImport([v1], context.sibling(`${names.file}.v1.api`), "'")}

/** The versions of ${names.urlName}: \`/v<n>/${customPath ?? names.urlName.replace('__', '/')}/\`. */
export const ${names.versionsName} = ${register};
`;
}

/** The spec of one API version: calls it by urlName and version and checks the envelope. */
export function apiSpecFile(context: TemplateContext, version: number): string {
  const { names, host } = context;
  return `${runnerImport(host, ['afterAll', 'beforeAll', 'describe', 'it'])}${renderImport(['createTestApp', 'expectEnvelope', 'type MindoffTestApp'], 'mindoff/testing', "'")}
${specOpening(context, apiClassName(names.className, version))}

  it('answers SUCCESS', async () => {
${callLine(names.urlName, version)}
    expectEnvelope(answer, {
      status: 'ok',
      code: 'SUCCESS',
      category: 'success',
      httpStatus: 200,
    });
  });
});
`;
}

/** The spec of the version map: every version dispatches to its class; others are refused. */
export function versionsSpecFile(context: TemplateContext): string {
  const { names, host } = context;
  return `${runnerImport(host, ['afterAll', 'beforeAll', 'describe', 'it'])}${renderImport(['createTestApp', 'expectEnvelope', 'expectVersionMap', 'versionsOf', 'type MindoffTestApp'], 'mindoff/testing', "'")}
${specOpening(context, names.versionsName)}

  it('dispatches every version to its class', () => {
    expectVersionMap(app, ${names.versionsName});
  });

  it('answers INVALID_API_VERSION for an unknown version', async () => {
${callLine(names.urlName, 99999)}
    expectEnvelope(answer, {
      code: 'INVALID_API_VERSION',
      httpStatus: 404,
${fit(`      data: { available_versions: versionsOf(${names.versionsName}) },`, `      data: {\n        available_versions: versionsOf(${names.versionsName}),\n      },`)}
    });
  });
});
`;
}

/** The version map's import and a describe block with a test app built from the map. */
function specOpening({ names, sibling }: TemplateContext, title: string): string {
  return `${renderImport([names.versionsName], sibling(`${names.file}.versions`), "'")}

describe('${title}', () => {
  let app: MindoffTestApp;

  beforeAll(async () => {
    app = await createTestApp(${names.versionsName});
  });

  afterAll(async () => {
    await app.close();
  });`;
}

/** `app.call(...)` as prettier lays it out: on one line, hugging the options, or one argument a line. */
function callLine(urlName: string, version: number): string {
  const opening = `    const answer = await app.call('${urlName}', {`;
  const hugged = `${opening}\n      version: ${version},\n    });`;
  const split = `    const answer = await app.call(\n      '${urlName}',\n      { version: ${version} },\n    );`;
  return fit(
    `    const answer = await app.call('${urlName}', { version: ${version} });`,
    opening.length <= 80 ? hugged : split,
  );
}

function fit(line: string, wrapped: string): string {
  return line.length <= 80 ? line : wrapped;
}
