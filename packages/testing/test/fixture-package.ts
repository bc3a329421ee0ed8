import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The seed's example driver, kept under docs/. */
export const HELLO_DRIVER_DIR = resolve(import.meta.dirname, '../../../docs/examples/hello-driver');

/** Writes a throw-away package (package.json plus the given files) and returns its directory. */
export async function writeFixturePackage(pkgJson: Record<string, unknown>, files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'wazo-confgend-testing-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'fixture-driver', version: '1.0.0', type: 'module', ...pkgJson }, null, 2));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

export function manifest(...drivers: Array<Record<string, unknown>>): Record<string, unknown> {
  return { exports: { './package.json': './package.json' }, wazoConfgend: { apiVersion: 1, drivers } };
}
