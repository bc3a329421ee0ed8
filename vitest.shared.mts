import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** One PostgreSQL server per test run: WAZO_CONFGEND_TEST_DB_URL, else an embedded one. */
const databaseSetup = fileURLToPath(new URL('./packages/dao/src/testing/global-setup.ts', import.meta.url));

/**
 * Test settings shared by every package: workspace packages resolve to their TypeScript
 * sources (the `@wazo-confgend/source` export condition), so tests never run stale builds.
 * Packages whose tests need PostgreSQL pass `{ database: true }`.
 */
export function packageTestConfig(root: string, options: { database?: boolean } = {}) {
  // vitest hands these to Node as --conditions too: 'import' there would make require() of a
  // dual package (pg -> pg-pool) load its ESM build, so only the source condition is added.
  const conditions = ['@wazo-confgend/source', 'node', 'default'];
  return defineConfig({
    root,
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.test.ts'],
      environment: 'node',
      globalSetup: options.database ? [databaseSetup] : [],
      testTimeout: 30_000,
      hookTimeout: 120_000,
      reporters: ['default'],
    },
  });
}
