#!/usr/bin/env node
// Packs every published package of the workspace into an installable tarball, as `npm publish`
// would upload it, into one directory (default dist-packages/ at the repository root). Build
// first: the tarballs hold the built dist/ directories.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The workspace packages npm would publish: not private, in directory order. */
export async function publishablePackages(root = REPO_ROOT) {
  const packagesDir = join(root, 'packages');
  const packages = [];
  for (const name of (await readdir(packagesDir)).sort()) {
    const manifestPath = join(packagesDir, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    if (manifest.private) continue;
    packages.push({ dir: join(packagesDir, name), name: manifest.name, version: manifest.version, files: manifest.files ?? [] });
  }
  return packages;
}

/** Packages whose tarball would lack its build output. */
export function unbuilt(packages) {
  return packages.filter((pkg) => pkg.files.includes('dist') && !existsSync(join(pkg.dir, 'dist')));
}

/**
 * `npm pack` of every package into `outDir` (emptied of older tarballs first); returns the
 * tarball paths.
 */
export async function packAll(outDir, root = REPO_ROOT) {
  const packages = await publishablePackages(root);
  const missing = unbuilt(packages);
  if (missing.length > 0) {
    throw new Error(`not built: ${missing.map((pkg) => pkg.name).join(', ')}; run \`npm run build\` first`);
  }
  await mkdir(outDir, { recursive: true });
  for (const name of await readdir(outDir)) if (name.endsWith('.tgz')) await rm(join(outDir, name));
  const { stdout } = await promisify(execFile)(
    'npm',
    ['pack', ...packages.map((pkg) => pkg.dir), '--pack-destination', outDir, '--ignore-scripts', '--json', '--loglevel=error'],
    { cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout).map((entry) => join(outDir, entry.filename));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(REPO_ROOT, 'dist-packages') }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log('usage: node tools/pack/pack.mjs [--out DIR]   (default DIR: dist-packages/ at the repository root)');
    process.exit(0);
  }
  try {
    const tarballs = await packAll(resolve(values.out));
    for (const tarball of tarballs) console.log(relative(process.cwd(), tarball) || tarball);
    console.log(`${tarballs.length} tarballs in ${resolve(values.out)}`);
  } catch (error) {
    console.error(`pack: ${error.message}`);
    process.exit(1);
  }
}
