// Nest 12 packages are ESM-only; Jest on Node 20 cannot require(esm), so @swc/jest turns them
// (and our TypeScript) into CommonJS.
const esmOnly = [
  '@nestjs',
  '@fastify',
  'fastify',
  'file-type',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
  'load-esm',
  'content-disposition',
];
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/lib', '<rootDir>/schematics', '<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/generator/fixtures/'],
  testRegex: '\\.spec\\.ts$',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^mindoff$': '<rootDir>/lib/index.ts',
    '^mindoff/testing$': '<rootDir>/lib/testing/index.ts',
    '^mindoff/client$': '<rootDir>/lib/client/index.ts',
    // lib/client imports its own files as './x.js', so that its ES module build loads in browsers.
    '^(\\./[^/]+)\\.js$': '$1',
    // ESM-only spinner of @angular-devkit's package-manager task, which schematic specs never run.
    '^ora$': '<rootDir>/schematics/testing/ora.stub.ts',
  },
  testTimeout: 30000,
};
