import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { constructDriver, DEFAULT_CONFIG, generateContent, mergeConfig } from '@wazo-confgend/core';
import type { ConfgendConfig, DiscoveredDriver, DriverConstructor } from '@wazo-confgend/core';
import { createDataSource, ReadOnlySessionScope } from '@wazo-confgend/dao';
import { createTestDatabase, findSharedReference, SHARED_REFERENCE_MISSING } from '@wazo-confgend/dao/testing';
import type { TestDatabase } from '@wazo-confgend/dao/testing';

export { SHARED_REFERENCE_MISSING } from '@wazo-confgend/dao/testing';

type DataSource = ReturnType<typeof createDataSource>;

/** A fresh database loaded with the real Wazo schema and one fixture set of the shared reference. */
export interface FixtureDatabase {
  readonly database: TestDatabase;
  /** Initialised; closed by `close()`. */
  readonly dataSource: DataSource;
  /** The bytes upstream generated from this set, e.g. `golden('asterisk/rtp.conf')`. */
  golden(file: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Loads `../shared/wazo-schema.sql` and `fixtures/<set>/fixture.sql` into a new database.
 * Null when the shared reference is not available: callers skip with SHARED_REFERENCE_MISSING.
 */
export async function loadFixtureDatabase(set: string): Promise<FixtureDatabase | null> {
  const shared = findSharedReference();
  if (!shared) return null;
  const database = await createTestDatabase({
    schema: { kind: 'sql-file', path: shared.schemaSql },
    sqlFiles: [shared.fixtureSql(set)],
  });
  let dataSource: DataSource;
  try {
    dataSource = await createDataSource(database.url, { poolSize: 2 }).initialize();
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    database,
    dataSource,
    golden: (file) => readFile(join(shared.goldenDir(set), file), 'utf8'),
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** The merged configuration a driver would receive: `overrides` over the service defaults. */
export function driverConfig(overrides: Record<string, unknown> = {}): ConfgendConfig {
  return mergeConfig(overrides, DEFAULT_CONFIG) as ConfgendConfig;
}

/** How a driver class given directly (not found through a manifest) is named in errors. */
function describedClass(Driver: DriverConstructor): DiscoveredDriver {
  const name = Driver.name || 'anonymous';
  return { packageName: name, packageVersion: 'source', packageDir: '', namespace: 'test', name, modulePath: '', exportName: name, events: [], origin: 'plugin_paths' };
}

/**
 * Builds the driver with `config` outside any transaction, as the service's threads do, then runs
 * one `generate()` in a read-only session on `dataSource`, with the service's contract checks:
 * anything but a non-empty string rejects with WCG_ERR_GENERATION_EMPTY.
 */
export async function generateWithDriver(Driver: DriverConstructor, config: ConfgendConfig, dataSource: DataSource): Promise<string> {
  const described = describedClass(Driver);
  const driver = constructDriver(Driver, config, described);
  return new ReadOnlySessionScope(dataSource).run(() => generateContent(driver, described, 'the file'));
}

/** What a driver generated from a fixture set, beside what upstream generated from it. */
export interface FixtureGeneration {
  readonly generated: string;
  readonly golden: string;
}

/**
 * Loads fixture set `set` into a fresh database, generates `file` with `Driver` and reads
 * upstream's golden file for it; the database is dropped afterwards. Throws without the shared
 * reference: callers skip first (`describe.skipIf(!findSharedReference())`).
 */
export async function generateFromFixture(
  set: string,
  file: string,
  Driver: DriverConstructor,
  config: ConfgendConfig = driverConfig(),
): Promise<FixtureGeneration> {
  const fixture = await loadFixtureDatabase(set);
  if (!fixture) throw new Error(SHARED_REFERENCE_MISSING);
  try {
    return { generated: await generateWithDriver(Driver, config, fixture.dataSource), golden: await fixture.golden(file) };
  } finally {
    await fixture.close();
  }
}

/**
 * Generates with `Driver` on a fresh database made of the entity tables and the rows `sql`
 * inserts; the database is dropped afterwards.
 */
export async function generateFromSql(
  Driver: DriverConstructor,
  sql: readonly string[],
  config: ConfgendConfig = driverConfig(),
): Promise<string> {
  const database = await createTestDatabase({ schema: { kind: 'entities' }, sql });
  try {
    const dataSource = await createDataSource(database.url, { poolSize: 1 }).initialize();
    try {
      return await generateWithDriver(Driver, config, dataSource);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.drop();
  }
}
