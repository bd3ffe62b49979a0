import { findClosing, topLevelItems, type Item, type Span } from '../utils/source-scanner';

/** The version map in a versions file: where its object is and which class serves each version. */
export interface VersionMap {
  object: Span;
  items: Item[];
  versions: { version: number; className: string }[];
}

/** Reads `MindoffVersions.register({ 1: A, 2: B })`; undefined when the file has no such map. */
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
  return {
    object,
    items,
    versions: versions.map((match) => ({ version: Number(match![1]), className: match![2] })),
  };
}
