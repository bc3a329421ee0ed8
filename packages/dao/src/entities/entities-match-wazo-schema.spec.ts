import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { findSharedReference, SHARED_REFERENCE_MISSING } from '../testing/shared-reference.js';

const TABLES = ['asterisk_file', 'asterisk_file_section', 'asterisk_file_variable', 'conference', 'features', 'moh'];

const DESCRIBE_COLUMNS = `
  SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default
  FROM information_schema.columns
  WHERE table_schema = 'public' AND table_name = ANY($1)
  ORDER BY table_name, column_name`;

const shared = findSharedReference();

describe.skipIf(!shared)('entities of asterisk_file, conference, features and moh', () => {
  if (!shared) console.warn(SHARED_REFERENCE_MISSING);
  let fromEntities: TestDatabase;
  let fromWazoSchema: TestDatabase;

  beforeAll(async () => {
    fromEntities = await createTestDatabase({ schema: { kind: 'entities' } });
    fromWazoSchema = await createTestDatabase({ schema: { kind: 'sql-file', path: shared?.schemaSql ?? '' } });
  });

  afterAll(async () => {
    await fromEntities?.drop();
    await fromWazoSchema?.drop();
  });

  it('declare the same columns, types, nullability and defaults as the Wazo schema', async () => {
    const ours = await fromEntities.execute(DESCRIBE_COLUMNS, [TABLES]);
    const wazo = await fromWazoSchema.execute(DESCRIBE_COLUMNS, [TABLES]);
    expect(new Set(ours.rows.map((row: { table_name: string }) => row.table_name)).size).toBe(TABLES.length);
    expect(ours.rows).toEqual(wazo.rows);
  });
});
