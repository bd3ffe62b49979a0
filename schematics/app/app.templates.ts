/** A mindoff app module: the marker comment names its route segment; API version maps go in `imports`. */
export function appModuleFile(name: string, moduleClass: string): string {
  return `import { Module } from '@nestjs/common';

/** The \`${name}\` app: its APIs answer at \`/v<n>/${name}/<api_name>/\`. */
@Module({
  imports: [],
})
export class ${moduleClass} {}
`;
}
