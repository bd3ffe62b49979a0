import { SchemaTypes } from './json-schema.types';
import type { DocumentedApi, DocumentedApis, DocumentedParameter } from './openapi-apis';
import type { FormFileField } from './openapi-request-body';
import { docComment, lineCommentText, stringLiteral, typeKey } from './ts-names';
import { keyword, printType, type TypeNode } from './type-node';
import { printValue, type LiteralValue } from './value-printer';

/** The names the generated module declares, and where it came from. */
export interface ClientModuleNames {
  /** The `Apis` type, e.g. `AppApis`. */
  apisType: string;
  /** The client factory, e.g. `createApiClient`. */
  factory: string;
  /** How to regenerate it, for the module's opening comment (no secrets: it is written as is). */
  command: string;
}

/** The names the module declares, imports or uses (`Record`, `Omit`); schema types never take them. */
const FIXED = [
  'createMindoffClient',
  'MindoffClient',
  'MindoffClientOptions',
  'MindoffRouteTable',
  'UploadFile',
  'UploadFiles',
  'routes',
  'taskBase',
  'Record',
  'Omit',
];

/**
 * The source of a standalone typed client module: the `Apis` type of every API version in
 * `documented`, the route table, and a factory that passes both to `createMindoffClient` from
 * `mindoff/client` (its only import).
 *
 * @example
 * writeClientModule(document, documentedApis(document), { apisType: 'AppApis', factory: 'createApiClient', command: 'npx mindoff client docs.json' });
 */
export function writeClientModule(
  document: unknown,
  documented: DocumentedApis,
  names: ClientModuleNames,
): string {
  const types = new SchemaTypes(document, new Set([...FIXED, names.apisType, names.factory]));
  const apisType = apisTypeSource(documented.apis, types, names.apisType);
  const declarations = types
    .declarations()
    .flatMap(({ name, component, type, doc }) => [
      ...docComment(doc ?? `The schema ${JSON.stringify(component)} of the document.`, ''),
      `export type ${name} =${spaced(printType(type, '', `export type ${name} = `.length))};`,
      '',
    ]);
  const title = documentTitle(document);
  const fileFields = documented.apis.flatMap((api) => api.files ?? []);
  const uploadTypes = [
    ...(fileFields.some((file) => !file.list) ? ['  UploadFile,'] : []),
    ...(fileFields.some((file) => file.list) ? ['  UploadFiles,'] : []),
  ];
  return [
    `// A typed client of ${lineCommentText(title)}, generated from its OpenAPI document by \`mindoff client\`.`,
    `// Do not edit; regenerate it when the API changes: ${lineCommentText(names.command)}`,
    '',
    'import { createMindoffClient } from "mindoff/client";',
    'import type {',
    '  MindoffClient,',
    '  MindoffClientOptions,',
    '  MindoffRouteTable,',
    ...uploadTypes,
    '} from "mindoff/client";',
    '',
    ...declarations,
    ...apisType,
    '',
    '/** Where each API version is served: its method, URL patterns and whether it runs as a task. */',
    `export const routes: MindoffRouteTable = ${printValue(routeTable(documented.apis), '')};`,
    '',
    '/** Where the app serves the task endpoints of queue-mode APIs. */',
    `export const taskBase = ${stringLiteral(documented.taskBase ?? '/mindoff/queue')};`,
    '',
    '/**',
    ` * A client of the app, typed by \`${names.apisType}\`, with the route table above (no manifest`,
    ' * is fetched).',
    ' *',
    ' * @example',
    ` * const client = ${names.factory}({ baseUrl: "https://api.example.com" });`,
    ' */',
    `export function ${names.factory}(`,
    '  options: Omit<MindoffClientOptions, "routes"> = {},',
    `): MindoffClient<${names.apisType}> {`,
    `  return createMindoffClient<${names.apisType}>({ taskBase, ...options, routes });`,
    '}',
    '',
  ].join('\n');
}

function apisTypeSource(apis: DocumentedApi[], types: SchemaTypes, name: string): string[] {
  const lines = [
    '/** Every API version of the app: what a call takes (payload, query, params) and the `data` it answers. */',
    `export type ${name} = {`,
  ];
  for (const [urlName, versions] of byUrlName(apis)) {
    lines.push(`  ${typeKey(urlName)}: {`);
    for (const api of versions) {
      lines.push(...docComment(apiDoc(api), '    '));
      lines.push(`    ${api.version}: ${printType(shapeOf(api, types), '    ')};`);
    }
    lines.push('  };');
  }
  lines.push('};');
  return lines;
}

function shapeOf(api: DocumentedApi, types: SchemaTypes): TypeNode {
  const parameters = (list: DocumentedParameter[]): TypeNode =>
    list.length === 0
      ? keyword('unknown')
      : {
          kind: 'object',
          properties: list.map((p) => ({
            name: p.name,
            optional: !p.required,
            type: types.typeOf(p.schema),
            ...(p.description ? { doc: p.description } : {}),
          })),
        };
  return {
    kind: 'object',
    properties: [
      { name: 'payload', optional: false, type: types.typeOf(api.payload) },
      { name: 'query', optional: false, type: parameters(api.query) },
      { name: 'params', optional: false, type: parameters(api.params) },
      ...(api.files ? [{ name: 'files', optional: false, type: filesType(api.files) }] : []),
      { name: 'data', optional: false, type: types.typeOf(api.data) },
    ],
  };
}

/** The `files` a call of a multipart API sends: one file per field, a list where it takes several. */
function filesType(files: FormFileField[]): TypeNode {
  return {
    kind: 'object',
    properties: files.map((file) => ({
      name: file.name,
      optional: !file.required,
      type: { kind: 'ref', name: file.list ? 'UploadFiles' : 'UploadFile' },
    })),
  };
}

function apiDoc(api: DocumentedApi): string {
  const lines = [
    `${api.summary ?? api.urlName} (v${api.version}): ${api.method} ${api.paths.join(', ')}${api.queued ? ', queue mode' : ''}.`,
  ];
  if (api.description) lines.push('', api.description);
  if (api.files) {
    lines.push(
      '',
      `Reads multipart/form-data: the payload is sent as its text fields${api.files.length > 0 ? `, the files (${api.files.map((file) => file.name).join(', ')}) as its file parts` : ''}.`,
    );
  }
  if (api.idempotency) {
    lines.push(
      '',
      `Honours an Idempotency-Key${api.idempotency.required ? ' (required)' : ''}: the client sends one with every call and retries with it.`,
    );
  }
  if (api.deprecated) lines.push('', '@deprecated The app marks this version deprecated.');
  return lines.join('\n');
}

function routeTable(apis: DocumentedApi[]): Map<string, LiteralValue> {
  const table = new Map<string, LiteralValue>();
  for (const [urlName, versions] of byUrlName(apis)) {
    table.set(
      urlName,
      new Map(
        versions.map((api) => [
          String(api.version),
          new Map<string, LiteralValue>([
            ['method', api.method],
            ['paths', api.paths],
            ['queued', api.queued],
            ...(api.idempotency
              ? [['idempotency', new Map([['required', api.idempotency.required]])] as const]
              : []),
            ...(api.files ? [['files', api.files.map((file) => file.name)] as const] : []),
          ]),
        ]),
      ),
    );
  }
  return table;
}

function byUrlName(apis: DocumentedApi[]): Map<string, DocumentedApi[]> {
  const groups = new Map<string, DocumentedApi[]>();
  for (const api of apis) groups.set(api.urlName, [...(groups.get(api.urlName) ?? []), api]);
  for (const versions of groups.values()) versions.sort((a, b) => a.version - b.version);
  return groups;
}

function documentTitle(document: unknown): string {
  const info = (document as { info?: { title?: unknown; version?: unknown } }).info;
  const title = typeof info?.title === 'string' && info.title ? info.title : 'an app';
  return typeof info?.version === 'string' ? `${title} ${info.version}` : title;
}

/** A type after `=`: on the same line, or (a broken union) on the next. */
function spaced(type: string): string {
  return type.startsWith('\n') ? type : ` ${type}`;
}
