import { findClosing, topLevelItems, type Item, type Span } from '../utils/source-scanner';

/** The version map in a versions file: where its object is and which class serves each version. */
export interface VersionMap {
  object: Span;
  items: Item[];
  versions: { version: number; className: string }[];
  /** The path parameters of its `path` option (`:order_id` → `order_id`), in order. */
  params: string[];
}

/** Reads `MindoffVersions.register({ 1: A, 2: B }, { path })`; undefined when the file has no such map. */
export function readVersionMap(source: string): VersionMap | undefined {
  const call = /MindoffVersions\s*\.\s*register\s*\(\s*/.exec(source);
  if (!call) return undefined;
  const open = call.index + call[0].length;
  const close = source[open] === '{' ? findClosing(source, open) : -1;
  if (close === -1) return undefined;
  const object = { open, close };
  const items = topLevelItems(source, object);
  const versions = items.map((item) => /^(\d+)\s*:\s*([A-Za-z_$][\w$]*)$/.exec(item.text));
  if (versions.length === 0 || versions.some((match) => !match)) return undefined;
  const callClose = findClosing(source, call.index + call[0].indexOf('('));
  const options = source.slice(close + 1, callClose === -1 ? close + 1 : callClose);
  const params = [...options.matchAll(/(['"])([^'"]*)\1/g)].flatMap(([, , path]) =>
    [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]),
  );
  return {
    object,
    items,
    versions: versions.map((match) => ({ version: Number(match![1]), className: match![2] })),
    params: [...new Set(params)],
  };
}
