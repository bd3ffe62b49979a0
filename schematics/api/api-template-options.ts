import { apiClassName, type ApiNames } from '../utils/names';
import type { HostProject } from '../utils/project';
import { answerCall, availableVersionsData } from './spec-layout';

/** The template of one API version's spec, which the version schematic renders too. */
export const API_SPEC_TEMPLATE = '/__file__.v__version__.api.__specFileSuffix__.ts.template';

/** What the api templates read about one version of an API, their file names included. */
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
  /** The path parameters of the API's URL patterns, which its specs give sample values. */
  params: string[];
  answerCall: typeof answerCall;
  availableVersionsData: typeof availableVersionsData;
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
    params,
    answerCall,
    availableVersionsData,
  };
}
