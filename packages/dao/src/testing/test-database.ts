import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { createSchemaFromEntities } from '../schema/create-schema.js';
import { TEST_DB_URL_VARIABLE } from './test-server.js';
import { withClient } from '../with-client.js';

export type TestSchema =
  /** The real Wazo schema dump (needs ../shared; see findSharedReference). */
  | { readonly kind: 'sql-file'; readonly path: string }
  /** Tables built from this package's entity definitions: enough for every query of the drivers. */
  | { readonly kind: 'entities' }
  | { readonly kind: 'empty' };

export interface TestDatabaseOptions {
  readonly schema?: TestSchema;
  /** SQL files run after the schema, in order (e.g. a fixture dump). */
  readonly sqlFiles?: readonly string[];
  /** SQL statements run after the files, in order. */
  readonly sql?: readonly string[];
}

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Runs SQL on the database (outside any read-only scope), for test set-up. */
  execute(sql: string, parameters?: readonly unknown[]): Promise<pg.QueryResult>;
  drop(): Promise<void>;
}

/**
 * A fresh database with Wazo's collation (C.UTF-8) on the test server, loaded as asked.
 * Needs WAZO_CONFGEND_TEST_DB_URL, which the vitest global setup provides.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const adminUrl = process.env[TEST_DB_URL_VARIABLE];
  if (!adminUrl) {
    throw new Error(
      `${TEST_DB_URL_VARIABLE} is not set: run tests through vitest with the shared global setup, ` +
        'or point it at a PostgreSQL superuser URL',
    );
  }
  const name = `wcg_test_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (admin) =>
    admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
    ),
  );
  const url = databaseUrl(adminUrl, name);
  const database: TestDatabase = {
    name,
    url,
    execute: (sql, parameters = []) => withClient(url, (client) => client.query(sql, [...parameters])),
    drop: () => withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
  try {
    await loadSchema(url, options.schema ?? { kind: 'entities' });
    for (const file of options.sqlFiles ?? []) await database.execute(await readFile(file, 'utf8'));
    for (const statement of options.sql ?? []) await database.execute(statement);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

async function loadSchema(url: string, schema: TestSchema): Promise<void> {
  if (schema.kind === 'sql-file') {
    await withClient(url, async (client) => client.query(await readFile(schema.path, 'utf8')));
  } else if (schema.kind === 'entities') {
    await createSchemaFromEntities(url);
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

