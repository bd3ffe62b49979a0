import type { HostProject } from './project';

/** The runner import a generated spec needs: none where the runner's functions are globals. */
export function runnerImport(host: HostProject, names: string[]): string {
  if (host.globals) return '';
  return `import { ${[...names].sort().join(', ')} } from '${host.runner}';\n`;
}
