/** What an app or API name must look like: it becomes part of the urlName `<app>__<api>`. */
export const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;

/** Whether `name` is a valid app or API name (`create_order`, `report2`; not `2fa`, `createOrder`). */
export function isSnakeCase(name: string): boolean {
  return SNAKE_CASE.test(name) && !name.endsWith('_') && !name.includes('__');
}

/** `create_order` → `create-order` (file and folder names, as Nest names them). */
export function kebab(name: string): string {
  return name.replace(/_/g, '-');
}

/** `create_order` → `CreateOrder` (class names). */
export function pascal(name: string): string {
  return capitalisedWords(name).join('');
}

/** `create_order` → `Create Order` (the API's human name). */
export function human(name: string): string {
  return capitalisedWords(name).join(' ');
}

function capitalisedWords(name: string): string[] {
  return name
    .split(/[_-]/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1));
}

/** `user-profiles` → `user_profiles` (an app's route segment from its folder name). */
export function snake(name: string): string {
  return name.replace(/-/g, '_');
}

/** The names one API is generated with, from its app and API names. */
export interface ApiNames {
  app: string;
  api: string;
  /** `orders__create_order` */
  urlName: string;
  /** `create-order` */
  file: string;
  /** `CreateOrder` */
  className: string;
  /** `Create Order` */
  title: string;
  /** `CreateOrderVersions` */
  versionsName: string;
}

/** Derives every name of an API from `orders` and `create_order`. */
export function apiNames(app: string, api: string): ApiNames {
  return {
    app,
    api,
    urlName: `${app}__${api}`,
    file: kebab(api),
    className: pascal(api),
    title: human(api),
    versionsName: `${pascal(api)}Versions`,
  };
}

/** `CreateOrder`, 2 → `CreateOrderV2Api`. */
export function apiClassName(className: string, version: number): string {
  return `${className}V${version}Api`;
}
