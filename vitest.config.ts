import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/reliability runs here at a small scale; npm run test:reliability runs it in full.
    include: ['test/unit/**/*.test.ts', 'test/reliability/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
