import { SchematicsException } from '@angular-devkit/schematics';
import { invalidMethod } from '../utils/messages';

/** The methods a generated API can answer, as `@MindoffApi({ method })` takes them. */
export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export type ApiMethod = (typeof API_METHODS)[number];

/** `--method auto` (the default, and the prompt's first choice): the method the name suggests. */
export const SUGGESTED_METHOD = 'auto';

/** The first word of a name and the method it suggests; any other name suggests GET. */
const SUGGESTIONS: Record<string, ApiMethod> = {
  create: 'POST',
  add: 'POST',
  update: 'PUT',
  edit: 'PUT',
  delete: 'DELETE',
  remove: 'DELETE',
};

/**
 * The method of a new API: the one `--method` (or its prompt) chose, else (`auto`, or nothing)
 * the one its name suggests: POST for `create_*` and `add_*`, PUT for `update_*` and `edit_*`,
 * DELETE for `delete_*` and `remove_*`, GET for any other name.
 *
 * @example
 * apiMethod('auto', 'create_order'); // 'POST'
 * apiMethod('PATCH', 'update_order'); // 'PATCH'
 */
export function apiMethod(option: string | undefined, api: string): ApiMethod {
  if (option === undefined || option === SUGGESTED_METHOD) {
    return SUGGESTIONS[api.split('_')[0]] ?? 'GET';
  }
  const chosen = API_METHODS.find((method) => method === option);
  if (!chosen) throw new SchematicsException(invalidMethod(option, API_METHODS));
  return chosen;
}
