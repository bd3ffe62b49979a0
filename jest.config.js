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

/** What every tier shares: how TypeScript and the ESM-only packages are loaded, and the aliases. */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^mindoff$': '<rootDir>/lib/index.ts',
    '^mindoff/testing$': '<rootDir>/lib/testing/index.ts',
    '^mindoff/client$': '<rootDir>/lib/client/index.ts',
    // lib/client imports its own files as './x.js', so that its ES module build loads in browsers;
    // a dynamic import() of a TypeScript file names it '.js' too (node16 resolution).
    '^(\\.{1,2}/.+)\\.js$': '$1',
    // ESM-only spinner of @angular-devkit's package-manager task, which schematic specs never run.
    '^ora$': '<rootDir>/schematics/testing/ora.stub.ts',
  },
  testTimeout: 30000,
};

/** Specs that run the TypeScript compiler over whole programs (the guides, generated code, option types). */
const compileSpecs = [
  '<rootDir>/test/docs/typescript-blocks.spec.ts',
  '<rootDir>/schematics/generated-code.spec.ts',
  '<rootDir>/lib/interfaces/redis-connection.types.spec.ts',
];

/** Specs of the slow tier: whole apps generated, packed or driven in a browser, many processes, the fuzz. */
const slowSpecs = [
  '<rootDir>/test/{generator,scale,browser,package}/**/*.spec.ts',
  '<rootDir>/test/e2e/hostile-fuzz.e2e.spec.ts',
  ...compileSpecs,
];
const ignored = ['/node_modules/', '<rootDir>/test/generator/fixtures/'];

/**
 * Three tiers, all run by `npm test` (`jest`), each on its own with `--selectProjects`:
 * `unit` (no Redis, no app over a socket but the specs' own loopback servers; `npm run test:unit`),
 * `e2e` (real Nest apps, Redis: `test/e2e/` and every `*.redis.spec.ts`), `slow` (see above).
 *
 * @type {import('jest').Config}
 */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/lib', '<rootDir>/schematics', '<rootDir>/test/docs'],
      testRegex: '\\.spec\\.ts$',
      testPathIgnorePatterns: [
        ...ignored,
        '\\.redis\\.spec\\.ts$',
        ...compileSpecs.map((path) => path.replace(/\./g, '\\.') + '$'),
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/lib', '<rootDir>/schematics', '<rootDir>/test/e2e'],
      testRegex: ['/test/e2e/.*\\.spec\\.ts$', '\\.redis\\.spec\\.ts$'],
      testPathIgnorePatterns: [...ignored, '/test/e2e/hostile-fuzz\\.e2e\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'slow',
      roots: ['<rootDir>/lib', '<rootDir>/schematics', '<rootDir>/test'],
      testMatch: slowSpecs,
      testPathIgnorePatterns: ignored,
    },
  ],
};
