// @ts-check
import { generateFiles, installPackagesTask, joinPathFragments, updateJson } from '@nx/devkit';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FULL_PREFIX = 'wazo_confgend.';

/**
 * @typedef {object} DriverGeneratorOptions
 * @property {string} namespace `<resource>.<filename>`, e.g. `asterisk.foo.conf`
 * @property {string} [name] the driver name selected in `plugins:` (default `wazo`)
 * @property {string} [description]
 * @property {string[] | string} [events] bus events after which the file may change (a list, or comma-separated)
 * @property {string[] | string} [dependencies] workspace packages the driver uses at run time
 *   (default: asterisk-conf for an Asterisk file, yaml-dump for a `.yml` file)
 * @property {boolean} [database] whether the driver reads the Wazo database (default true)
 * @property {boolean} [parity] whether to write test/parity.test.ts (default: when the shared
 *   reference has a golden file for this namespace)
 * @property {boolean} [skipInstall] do not run `npm install` afterwards
 */

/**
 * Names derived from a namespace, as the first-party drivers have them: `asterisk.foo.conf` gives
 * packages/driver-asterisk-foo and the class FooConfDriver in src/foo-conf-driver.ts; a file of
 * another resource has the resource in its class name (`provd.network.yml`: ProvdNetworkYmlDriver).
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
  const classWords = resource === 'asterisk' ? words(filename) : [...words(resource), ...words(filename)];
  return {
    namespace: normalised,
    resource,
    filename,
    directory,
    packageName: `@wazo-confgend/${directory}`,
    className: `${classWords.map((word) => word[0]?.toUpperCase() + word.slice(1)).join('')}Driver`,
    classFile: `${classWords.join('-')}-driver`,
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

/** @param {string[] | string | undefined} value */
function list(value) {
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter(Boolean);
}

/**
 * The workspace packages a new driver writes its file with: the Asterisk writer, or the PyYAML
 * dump for a YAML file.
 * @param {ReturnType<typeof driverNames>} names
 */
function defaultDependencies(names) {
  if (names.resource === 'asterisk') return ['@wazo-confgend/asterisk-conf'];
  if (/\.ya?ml$/.test(names.filename)) return ['@wazo-confgend/yaml-dump'];
  return [];
}

/**
 * Where the upstream golden files are (../shared beside the workspace, or WAZO_CONFGEND_SHARED_DIR),
 * as @wazo-confgend/testing finds them.
 * @param {string} workspaceRoot
 * @param {ReturnType<typeof driverNames>} names
 */
function goldenFileExists(workspaceRoot, names) {
  const shared = process.env['WAZO_CONFGEND_SHARED_DIR'] ?? resolve(workspaceRoot, '..', 'shared');
  return existsSync(join(shared, 'fixtures', 'dev', 'golden', names.resource, names.filename));
}

/**
 * What the scaffolded driver generates, for its test: the session's `transaction_read_only`
 * (`on`) written with the package's writer. PyYAML quotes `on`, a YAML 1.1 boolean.
 * @param {'asterisk-conf' | 'yaml-dump' | 'text'} writer
 * @param {boolean} database
 */
function sampleOutput(writer, database) {
  const readOnly = database ? 'on' : 'none';
  if (writer === 'asterisk-conf') return `[general]\nread_only_session = ${readOnly}\n`;
  if (writer === 'yaml-dump') return `read_only_session: ${database ? "'on'" : 'none'}\n`;
  return `read_only_session: ${readOnly}\n`;
}

/**
 * A TypeScript string literal in the workspace's quotes.
 * @param {string} text
 */
function singleQuoted(text) {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/**
 * The package.json of a driver package, key for key as the first-party drivers have it.
 * @param {ReturnType<typeof driverNames>} names
 * @param {{ name: string, description: string, events: string[], dependencies: string[], database: boolean }} settings
 */
export function driverPackageJson(names, settings) {
  const hostPackages = settings.database ? ['@wazo-confgend/core', '@wazo-confgend/dao'] : ['@wazo-confgend/core'];
  return {
    name: names.packageName,
    version: '1.0.0',
    description: settings.description,
    license: 'GPL-3.0-or-later',
    type: 'module',
    keywords: ['wazo-confgend-driver', 'wazo', names.resource],
    wazoConfgend: {
      apiVersion: 1,
      drivers: [
        { namespace: names.namespace, name: settings.name, module: './dist/index.js', export: names.className, events: settings.events },
      ],
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
    nx: { name: names.directory },
    ...(settings.dependencies.length > 0
      ? { dependencies: Object.fromEntries(settings.dependencies.map((dependency) => [dependency, '^1.0.0'])) }
      : {}),
    peerDependencies: Object.fromEntries(hostPackages.map((dependency) => [dependency, '^1.0.0'])),
    devDependencies: Object.fromEntries([...hostPackages, '@wazo-confgend/testing'].map((dependency) => [dependency, '*'])),
  };
}

/**
 * The TypeScript project files. tsconfig.lib.json references every workspace package the
 * package.json names, in the order `nx sync` writes them, so that the workspace is in sync the
 * moment the package exists.
 * @param {string[]} dependencies
 * @param {boolean} database
 * @returns {Record<string, string>}
 */
export function driverTsconfigFiles(dependencies, database) {
  const referenced = [...dependencies, '@wazo-confgend/testing', ...(database ? ['@wazo-confgend/dao'] : []), '@wazo-confgend/core'];
  const libReferences = referenced.map((dependency) => ({ path: `../${dependency.replace('@wazo-confgend/', '')}/tsconfig.lib.json` }));
  return {
    'tsconfig.json': `{
  "extends": "../../tsconfig.base.json",
  "files": [],
  "include": [],
  "references": [{ "path": "./tsconfig.lib.json" }, { "path": "./tsconfig.spec.json" }]
}
`,
    'tsconfig.lib.json': `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "rootDir": "src",
    "outDir": "dist",
    "tsBuildInfoFile": "dist/tsconfig.lib.tsbuildinfo"
  },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts"],
  "references": ${JSON.stringify(libReferences, null, 2).replace(/\n/g, '\n  ')}
}
`,
    'tsconfig.spec.json': `{
  "extends": "../../tsconfig.base.json",
  "compilerOptions": {
    "outDir": "./out-tsc/vitest",
    "tsBuildInfoFile": "./out-tsc/vitest/tsconfig.spec.tsbuildinfo",
    "noEmit": false,
    "emitDeclarationOnly": true
  },
  "include": ["src/**/*.ts", "test/**/*.ts"],
  "references": [{ "path": "./tsconfig.lib.json" }]
}
`,
  };
}

/**
 * Scaffolds packages/driver-<resource>-<file> in the shape of the first-party drivers: the
 * package.json with its `wazoConfgend` manifest, the TypeScript and Vitest settings, a driver
 * class, its test, the conformance test and (when upstream's golden file exists) the parity test.
 * The task it returns links the package into the workspace (`npm install`).
 * @param {import('@nx/devkit').Tree} tree
 * @param {DriverGeneratorOptions} options
 */
export default async function driverGenerator(tree, options) {
  const names = driverNames(options.namespace);
  const root = joinPathFragments('packages', names.directory);
  if (tree.exists(root)) throw new Error(`${root} already exists`);
  const database = options.database ?? true;
  const dependencies = list(options.dependencies) ?? defaultDependencies(names);
  const settings = {
    name: options.name ?? 'wazo',
    description: options.description ?? `wazo-confgend driver for ${names.resource}/${names.filename}`,
    events: list(options.events) ?? [],
    dependencies,
    database,
  };

  tree.write(joinPathFragments(root, 'package.json'), `${JSON.stringify(driverPackageJson(names, settings), null, 2)}\n`);
  for (const [file, content] of Object.entries(driverTsconfigFiles(dependencies, database))) {
    tree.write(joinPathFragments(root, file), content);
  }
  const writer = dependencies.includes('@wazo-confgend/asterisk-conf')
    ? 'asterisk-conf'
    : dependencies.includes('@wazo-confgend/yaml-dump')
      ? 'yaml-dump'
      : 'text';
  const substitutions = { ...names, name: settings.name, database, writer, expected: singleQuoted(sampleOutput(writer, database)), tmpl: '' };
  generateFiles(tree, joinPathFragments(import.meta.dirname, 'files'), root, substitutions);
  if (options.parity ?? goldenFileExists(tree.root, names)) {
    generateFiles(tree, joinPathFragments(import.meta.dirname, 'parity'), root, substitutions);
  }
  if (tree.exists('tsconfig.json')) {
    updateJson(tree, 'tsconfig.json', (json) => {
      const references = Array.isArray(json.references) ? json.references : [];
      return { ...json, references: [...references, { path: `./${root}` }] };
    });
  }
  return () => {
    if (!options.skipInstall) installPackagesTask(tree, true);
    console.log(`\n${names.packageName} is in ${root}. Check it:`);
    console.log(`  NX_DAEMON=false npx nx run-many -t build lint typecheck test -p ${names.directory}`);
  };
}
