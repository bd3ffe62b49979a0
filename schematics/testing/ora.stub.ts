/** Stands in for `ora` (ESM-only), which only @angular-devkit's package-manager task loads. */
export default function ora(): never {
  throw new Error('ora is not available in schematic specs: they run no package-manager task.');
}
