/** A byte count as the MB (MiB) figure `maxPayloadSize` was given in, e.g. `2` or `0.5`. */
export function megabytes(bytes: number): number {
  return +(bytes / (1024 * 1024)).toFixed(3);
}
