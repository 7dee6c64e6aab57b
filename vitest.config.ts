import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and crawler tests start servers and Chromium: give them room, but each stays bounded.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
