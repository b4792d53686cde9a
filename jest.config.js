/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  // Transpile only (tsconfig's isolatedModules makes ts-jest compile file by file): two cores go to
  // the tests, not to type checking them per worker. Types are checked once, by `npm run typecheck`
  // (tsc --noEmit, strict, over src and tests), which .ci/run runs before the tests: that is the gate.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  setupFilesAfterEnv: ['<rootDir>/tests/support/after-env.ts'],
  testTimeout: 120000,
  maxWorkers: 2,
};
