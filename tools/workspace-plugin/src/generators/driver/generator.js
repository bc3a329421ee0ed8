// @ts-check
import { generateFiles, joinPathFragments, updateJson, writeJson } from '@nx/devkit';

const FULL_PREFIX = 'wazo_confgend.';

/**
 * @typedef {object} DriverGeneratorOptions
 * @property {string} namespace `<resource>.<filename>`, e.g. `asterisk.foo.conf`
 * @property {string} [name] the driver name selected in `plugins:` (default `wazo`)
 * @property {string} [description]
 */

/**
 * Names derived from a namespace: `asterisk.foo.conf` gives packages/driver-asterisk-foo,
 * @wazo-confgend/driver-asterisk-foo and the class FooConfDriver in src/foo-conf-driver.ts.
 * @param {string} namespace
 */
export function driverNames(namespace) {
  const normalised = namespace.startsWith(FULL_PREFIX) ? namespace.slice(FULL_PREFIX.length) : namespace;
  const dot = normalised.indexOf('.');
  if (dot <= 0 || dot === normalised.length - 1) {
    throw new Error(`namespace must look like <resource>.<filename> (e.g. asterisk.foo.conf), got "${namespace}"`);
  }
  const resource = normalised.slice(0, dot);
  const filename = normalised.slice(dot + 1);
  const lastDot = filename.lastIndexOf('.');
  const stem = lastDot > 0 ? filename.slice(0, lastDot) : filename;
  const directory = `driver-${kebab(resource)}-${kebab(stem)}`;
  return {
    namespace: normalised,
    resource,
    filename,
    directory,
    packageName: `@wazo-confgend/${directory}`,
    className: `${words(filename).map((word) => word[0]?.toUpperCase() + word.slice(1)).join('')}Driver`,
    classFile: `${kebab(filename)}-driver`,
  };
}

/** @param {string} text */
function words(text) {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word.toLowerCase());
}

/** @param {string} text */
function kebab(text) {
  return words(text).join('-');
}

/**
 * Scaffolds packages/driver-<resource>-<file>: a publishable driver package with its manifest,
 * a driver class, a test that checks the package and runs the driver, and the Nx/TS settings of
 * the workspace.
 * @param {import('@nx/devkit').Tree} tree
 * @param {DriverGeneratorOptions} options
 */
export default async function driverGenerator(tree, options) {
  const names = driverNames(options.namespace);
  const name = options.name ?? 'wazo';
  const root = joinPathFragments('packages', names.directory);
  if (tree.exists(root)) throw new Error(`${root} already exists`);

  writeJson(tree, joinPathFragments(root, 'package.json'), {
    name: names.packageName,
    version: '1.0.0',
    description: options.description ?? `wazo-confgend driver for ${names.resource}/${names.filename}`,
    license: 'GPL-3.0-or-later',
    type: 'module',
    keywords: ['wazo-confgend-driver', 'wazo', names.resource],
    wazoConfgend: {
      apiVersion: 1,
      drivers: [{ namespace: names.namespace, name, module: './dist/index.js', export: names.className }],
    },
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: {
      '.': {
        '@wazo-confgend/source': './src/index.ts',
        types: './dist/index.d.ts',
        import: './dist/index.js',
        default: './dist/index.js',
      },
      './package.json': './package.json',
    },
    files: ['dist', '!**/*.tsbuildinfo', '!**/*.spec.*'],
    engines: { node: '>=20.19' },
    scripts: { lint: 'eslint .' },
    nx: { name: names.directory, targets: { test: { dependsOn: ['build', '^build'] } } },
    peerDependencies: { '@wazo-confgend/core': '^1.0.0', '@wazo-confgend/dao': '^1.0.0' },
    devDependencies: { '@wazo-confgend/core': '*', '@wazo-confgend/dao': '*', '@wazo-confgend/testing': '*' },
  });
  writeJson(tree, joinPathFragments(root, 'tsconfig.json'), {
    extends: '../../tsconfig.base.json',
    files: [],
    include: [],
    references: [{ path: './tsconfig.lib.json' }, { path: './tsconfig.spec.json' }],
  });
  writeJson(tree, joinPathFragments(root, 'tsconfig.lib.json'), {
    extends: '../../tsconfig.base.json',
    compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/tsconfig.lib.tsbuildinfo' },
    include: ['src/**/*.ts'],
    exclude: ['src/**/*.spec.ts'],
    references: [{ path: '../dao/tsconfig.lib.json' }, { path: '../core/tsconfig.lib.json' }],
  });
  writeJson(tree, joinPathFragments(root, 'tsconfig.spec.json'), {
    extends: '../../tsconfig.base.json',
    compilerOptions: {
      outDir: './out-tsc/vitest',
      tsBuildInfoFile: './out-tsc/vitest/tsconfig.spec.tsbuildinfo',
      noEmit: false,
      emitDeclarationOnly: true,
    },
    include: ['src/**/*.ts', 'test/**/*.ts'],
    references: [{ path: './tsconfig.lib.json' }],
  });
  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files'), root, { ...names, name, tmpl: '' });
  if (tree.exists('tsconfig.json')) {
    updateJson(tree, 'tsconfig.json', (json) => {
      const references = Array.isArray(json.references) ? json.references : [];
      return { ...json, references: [...references, { path: `./${root}` }] };
    });
  }
  return () => {
    console.log(`\n${names.packageName} is in ${root}. Link it into the workspace, then check it:`);
    console.log('  flock /tmp/npm.lock npm install && NX_DAEMON=false npx nx sync');
    console.log(`  NX_DAEMON=false npx nx run-many -t build lint typecheck test -p ${names.directory}`);
  };
}
