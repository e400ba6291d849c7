// One jest run covers every suite; scripts/test.sh provisions MariaDB and Chromium first.
// Type checking is a separate step (tsc --noEmit), so ts-jest only transpiles.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  testTimeout: 60000,
};
