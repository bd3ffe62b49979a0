import { layout, sourceCode } from '../utils/layout';
import { apiClassName, type ApiNames } from '../utils/names';
import type { HostProject } from '../utils/project';
import { appCallArguments } from './spec-layout';

/** The template of one API version's spec, which the version schematic renders too. */
export const API_SPEC_TEMPLATE = '/__file__.v__version__.api.__specFileSuffix__.ts.template';

/** What the spec templates read about one version of an API, their file names included. */
export interface ApiTemplateOptions {
  /** `create-order`: the stem of every file name. */
  file: string;
  version: number;
  specFileSuffix: string;
  urlName: string;
  title: string;
  /** `CreateOrderV1Api`: the class of this version. */
  apiClass: string;
  versionsName: string;
  /** How a spec imports the version map: `./create-order.versions(.js)`. */
  versionsImport: string;
  runner: HostProject['runner'];
  /** The runner's functions are globals, so specs import none. */
  globals: boolean;
  /** The arguments of the spec's `app.call(...)` of this version, sample path parameters included. */
  callArguments: string;
  /** The same for a version that does not exist. */
  unknownVersionCallArguments: string;
  /** The `data` an unknown version answers with, laid out after `data: `. */
  availableVersions: string;
}

/** The options for version `version` of the API `names`, following the host's conventions. */
export function apiTemplateOptions(
  names: ApiNames,
  host: HostProject,
  version: number,
  specFileSuffix: string,
  versionsImport: string,
  params: string[],
): ApiTemplateOptions {
  const versionsOf = sourceCode(`versionsOf(${names.versionsName})`);
  return {
    file: names.file,
    version,
    specFileSuffix,
    urlName: names.urlName,
    title: names.title,
    apiClass: apiClassName(names.className, version),
    versionsName: names.versionsName,
    versionsImport,
    runner: host.runner,
    globals: host.globals,
    callArguments: appCallArguments(names.urlName, version, params),
    unknownVersionCallArguments: appCallArguments(names.urlName, 99999, params),
    availableVersions: layout({ available_versions: versionsOf }, '      ', 12, 1),
  };
}
