import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// A focused test (`.only`) fails the run everywhere, not only where CI is set: otherwise one left
// in a commit would run alone and the rest of the suite would silently not run.
const allowOnly = false;

export default defineConfig({
  root,
  test: {
    allowOnly,
    projects: [
      {
        // WxtVitest does not copy Vite plugins from wxt.config, so Preact is added here too.
        plugins: [WxtVitest({ root }), preact()],
        test: {
          name: 'unit',
          root,
          allowOnly,
          environment: 'happy-dom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/unit.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          allowOnly,
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/e2e-global.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          root,
          allowOnly,
          environment: 'node',
          include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
          globalSetup: ['tests/setup/e2e-firefox-global.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
