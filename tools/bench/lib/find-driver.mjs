/*
 * The built driver of a file: the workspace package whose `wazoConfgend` manifest declares the
 * file's namespace (name `wazo`), and its built module. Drivers are found by manifest rather than
 * by package name, so a driver package added later is measured without changing this script.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGES = fileURLToPath(new URL('../../../packages/', import.meta.url));

/** `asterisk/pjsip.conf` → `asterisk.pjsip.conf`. */
export function namespaceOfFile(file) {
  const slash = file.indexOf('/');
  if (slash <= 0 || slash === file.length - 1) throw new Error(`${file}: a file is <resource>/<filename>, e.g. asterisk/pjsip.conf`);
  return `${file.slice(0, slash)}.${file.slice(slash + 1)}`;
}

async function workspaceManifests() {
  const manifests = [];
  for (const entry of await readdir(PACKAGES, { withFileTypes: true })) {
    const path = join(PACKAGES, entry.name, 'package.json');
    if (!entry.isDirectory() || !existsSync(path)) continue;
    manifests.push({ dir: join(PACKAGES, entry.name), manifest: JSON.parse(await readFile(path, 'utf8')) });
  }
  return manifests;
}

/**
 * `{ built: true, packageName, modulePath, exportName }`, or `{ built: false, reason }` when no
 * package declares the namespace yet or its module has not been built.
 */
export async function findBuiltDriver(file) {
  const namespace = namespaceOfFile(file);
  for (const { dir, manifest } of await workspaceManifests()) {
    const entry = manifest.wazoConfgend?.drivers?.find(
      (driver) => driver.namespace === namespace && (driver.name ?? 'wazo') === 'wazo',
    );
    if (!entry) continue;
    const modulePath = join(dir, entry.module);
    if (!existsSync(modulePath)) return { built: false, reason: `${manifest.name}: ${entry.module} missing` };
    return { built: true, packageName: manifest.name, modulePath, exportName: entry.export ?? 'default' };
  }
  return { built: false, reason: `no package declares ${namespace}` };
}
