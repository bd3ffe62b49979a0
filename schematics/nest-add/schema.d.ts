/** Options `nest add mindoff` passes to the nest-add schematic. */
export interface NestAddOptions {
  /** Where the sources are; the Nest CLI passes nest-cli.json's sourceRoot. */
  sourceRoot?: string;
  skipInstall?: boolean;
}
