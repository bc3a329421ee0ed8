import { defineConfig } from 'vitest/config';

/**
 * Test settings shared by every package: workspace packages resolve to their TypeScript
 * sources (the `@wazo-confgend/source` export condition), so tests never run stale builds.
 */
export function packageTestConfig(root: string) {
  const conditions = ['@wazo-confgend/source', 'node', 'import', 'module', 'default'];
  return defineConfig({
    root,
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      include: ['src/**/*.spec.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      hookTimeout: 120_000,
      reporters: ['default'],
    },
  });
}
