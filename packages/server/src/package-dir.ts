import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The server package's own directory (the one holding its package.json), found from this module
 * whether it runs from `src/` (tests) or `dist/`: the bundled drivers are its dependencies, and
 * the OpenAPI document ships in it.
 */
export function serverPackageDir(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`cannot find the package.json of @wazo-confgend/server above ${fileURLToPath(import.meta.url)}`);
    directory = parent;
  }
  return directory;
}

export function serverVersion(): string {
  const manifest = JSON.parse(readFileSync(join(serverPackageDir(), 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}
