import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { findSharedReference, SHARED_REFERENCE_MISSING } from '../testing/shared-reference.js';

const TABLES = ['asterisk_file', 'asterisk_file_section', 'asterisk_file_variable'];

const DESCRIBE_COLUMNS = `
  SELECT table_name, column_name, data_type, character_maximum_length, is_nullable
  FROM information_schema.columns
  WHERE table_schema = 'public' AND table_name = ANY($1)
  ORDER BY table_name, column_name`;

const shared = findSharedReference();

describe.skipIf(!shared)('asterisk_file entities', () => {
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

  it('declare the same columns, types and nullability as the Wazo schema', async () => {
    const ours = await fromEntities.execute(DESCRIBE_COLUMNS, [TABLES]);
    const wazo = await fromWazoSchema.execute(DESCRIBE_COLUMNS, [TABLES]);
    expect(ours.rows.length).toBeGreaterThan(0);
    expect(ours.rows).toEqual(wazo.rows);
  });
});
