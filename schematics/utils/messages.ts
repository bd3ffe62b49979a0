/** The example every name message ends with. */
const NAME_RULE =
  'snake_case: a lowercase letter, then lowercase letters, digits or single underscores (e.g. create_order, export_v2)';

export const invalidName = (kind: 'API' | 'app', value: string): string =>
  `Invalid ${kind} name '${value}': use ${NAME_RULE}.`;

export const invalidApiPath = (value: string): string =>
  `'${value}' must be <app>/<api_name>, e.g. nest g -c mindoff api orders/create_order.`;

export const missingApiName = (): string =>
  'Name the API: nest g -c mindoff api orders/create_order (in a terminal, nest g -c mindoff api asks for it).';

export const missingApp = (api: string, apps: string[]): string =>
  `Say which app '${api}' belongs to: nest g -c mindoff api <app>/${api}` +
  (apps.length > 0 ? ` (apps here: ${apps.join(', ')}).` : ', e.g. orders/' + api + '.');

export const apiExists = (app: string, api: string, file: string): string =>
  `API ${app}/${api} already exists (${file}). To add a version of it, run: nest g -c mindoff version ${app}/${api}`;

export const apiNotFound = (app: string, api: string, where: string): string =>
  `No API ${app}/${api}: there is no ${api.replace(/_/g, '-')}.versions.ts under ${where}. Create it with: nest g -c mindoff api ${app}/${api}`;

export const appExists = (app: string, file: string): string =>
  `App ${app} already exists (${file}). Add an API to it with: nest g -c mindoff api ${app}/<api_name>`;

export const noRootModule = (file: string): string =>
  `No app module at ${file}: mindoff registers its module and apps there. Create it (nest new makes ${file}), or pass --skip-import and import the module yourself.`;

export const noModuleDecorator = (file: string, symbol: string): string =>
  `${file} has no @Module({ ... }) with an object literal; add ${symbol} to its imports yourself, or pass --skip-import.`;

export const notAnArrayLiteral = (file: string, property: string, symbol: string): string =>
  `${file}: @Module ${property} is not an array literal; add ${symbol} to it yourself, or pass --skip-import.`;

export const unreadableVersionMap = (file: string): string =>
  `${file}: cannot find MindoffVersions.register({ ... }) with its versions; add the new version to the map yourself.`;

export const missingVersionClass = (file: string, className: string): string =>
  `${file}: the latest version's class ${className} is not in this folder; copy it by hand to add a version.`;

export const invalidUrlPattern = (pattern: string): string =>
  `Invalid URL pattern '${pattern}': use letters, digits, _ and - in segments separated by /, and :name (or <int:name>) for a path parameter, e.g. get_order/:order_id/; separate several patterns with commas.`;

export const sameUrls = (first: string, second: string): string =>
  first === second
    ? `URL pattern '${first}' is given twice; give each pattern once.`
    : `URL patterns '${first}' and '${second}' match the same URLs; keep one of them.`;

export const repeatedPathParam = (name: string, pattern: string): string =>
  `URL pattern '${pattern}' has :${name} twice; give each path parameter its own name.`;

export const differentPathParams = (first: string, other: string): string =>
  `URL patterns '${first}' and '${other}' have different path parameters; every pattern of an API must have the same :names, which its params declares.`;

export const conflictingParamTypes = (name: string): string =>
  `:${name} has two types in the URL patterns (e.g. <int:${name}> and <str:${name}>); give it one.`;

export const invalidSunset = (value: string): string =>
  `Invalid sunset date '${value}': use YYYY-MM-DD, e.g. 2027-06-30.`;

export const noApiDeclaration = (file: string, className: string): string =>
  `${file}: cannot find @MindoffApi({ ... }) on class ${className}; add deprecated: true to its declaration yourself.`;

export const invalidJson = (path: string, reason: string): string =>
  `${path.replace(/^\//, '')} is not valid JSON (${reason}); fix it and run again.`;

export const noApps = (): string =>
  'No mindoff apps yet: type a new app name, or create one first with nest g -c mindoff app <app_name>.';

export const invalidMethod = (value: string, methods: readonly string[]): string =>
  `--method '${value}' is not a method mindoff serves: use ${methods.join(', ')}, or auto (the one the API's name suggests).`;
