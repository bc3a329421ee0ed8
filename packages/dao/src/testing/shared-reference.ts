import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The reference material kept beside the repository (`../shared`: the real Wazo schema and the
 * upstream golden files). A user's clone does not have it; tests that need it skip and say so.
 */
export interface SharedReference {
  readonly dir: string;
  readonly schemaSql: string;
  fixtureSql(set: string): string;
  goldenDir(set: string): string;
}

export const SHARED_REFERENCE_MISSING =
  'the shared reference directory (../shared beside the repository, or WAZO_CONFGEND_SHARED_DIR) is not ' +
  'available: tests against the real Wazo schema and upstream golden files are skipped';

/**
 * The shared reference, or null (the caller skips with SHARED_REFERENCE_MISSING). Under CI=true it
 * is always there, so its absence is an error: a parity test must never skip silently in CI.
 */
export function findSharedReference(): SharedReference | null {
  const dir = process.env['WAZO_CONFGEND_SHARED_DIR'] ?? defaultSharedDir();
  if (!dir || !existsSync(join(dir, 'wazo-schema.sql'))) {
    if (process.env['CI'] === 'true') throw new Error(`CI=true, yet ${SHARED_REFERENCE_MISSING.replace('are skipped', 'would be skipped')} (looked in ${dir ?? 'no directory'})`);
    return null;
  }
  return {
    dir,
    schemaSql: join(dir, 'wazo-schema.sql'),
    fixtureSql: (set) => join(dir, 'fixtures', set, 'fixture.sql'),
    goldenDir: (set) => join(dir, 'fixtures', set, 'golden'),
  };
}

function defaultSharedDir(): string | null {
  let current = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(current, 'nx.json'))) return resolve(current, '..', 'shared');
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
