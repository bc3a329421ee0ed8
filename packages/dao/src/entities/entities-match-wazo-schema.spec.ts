import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { findSharedReference, SHARED_REFERENCE_MISSING } from '../testing/shared-reference.js';
import { WAZO_ENTITIES } from './index.js';

/** Tables whose entities map every column, defaults included (the others map what drivers read). */
const FULLY_MAPPED = ['asterisk_file', 'asterisk_file_section', 'asterisk_file_variable', 'conference', 'features', 'moh'];

const TABLES = WAZO_ENTITIES.map((entity) => entity.options.tableName ?? '');

const DESCRIBE_COLUMNS = `
  SELECT table_name, column_name, data_type, udt_name, character_maximum_length, is_nullable, column_default
    FROM information_schema.columns
   WHERE table_schema = 'public' AND table_name = ANY($1)
   ORDER BY table_name, column_name`;

type ColumnRow = Record<string, unknown>;
const columnKey = (row: ColumnRow) => `${String(row['table_name'])}.${String(row['column_name'])}`;
const withoutDefault = ({ column_default: _, ...row }: ColumnRow) => row;

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

describe.skipIf(!shared)('the entities, against the real Wazo schema', () => {
  let ours: ColumnRow[];
  let wazo: ColumnRow[];
  let databases: TestDatabase[] = [];

  const describeColumns = async (database: TestDatabase) => (await database.execute(DESCRIBE_COLUMNS, [TABLES])).rows as ColumnRow[];

  beforeAll(async () => {
    const fromEntities = await createTestDatabase({ schema: { kind: 'entities' } });
    const fromWazoSchema = await createTestDatabase({ schema: { kind: 'sql-file', path: shared?.schemaSql ?? '' } });
    databases = [fromEntities, fromWazoSchema];
    ours = await describeColumns(fromEntities);
    wazo = await describeColumns(fromWazoSchema);
  });

  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('name a table each, every one of them in the Wazo schema', () => {
    expect(TABLES).not.toContain('');
    expect(new Set(wazo.map((row) => row['table_name']))).toEqual(new Set(TABLES));
  });

  it('declare only real columns, with the Wazo types, lengths, enum types and nullability', () => {
    const declared = new Set(ours.map(columnKey));
    expect(ours.map(withoutDefault)).toEqual(wazo.filter((row) => declared.has(columnKey(row))).map(withoutDefault));
  });

  it('map every column, defaults included, of the tables they own entirely', () => {
    const inFull = (row: ColumnRow) => FULLY_MAPPED.includes(String(row['table_name']));
    expect(ours.filter(inFull)).toEqual(wazo.filter(inFull));
  });
});
