import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PJSIP_ENTITIES } from '../entities/pjsip-entities.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { findSharedReference, SHARED_REFERENCE_MISSING } from '../testing/shared-reference.js';

const TABLES = PJSIP_ENTITIES.map((entity) => entity.options.tableName ?? '');

const DESCRIBE_COLUMNS = `
  SELECT table_name, column_name, data_type, udt_name, character_maximum_length, is_nullable
    FROM information_schema.columns
   WHERE table_schema = 'public' AND table_name = ANY($1)
   ORDER BY table_name, column_name`;

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

describe.skipIf(!shared)('pjsip.conf entities', () => {
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

  it('map every table they name', () => {
    expect(TABLES).not.toContain('');
    expect(TABLES).toHaveLength(20);
  });

  it('declare only real columns, with the Wazo types, lengths, enum types and nullability', async () => {
    const ours = (await fromEntities.execute(DESCRIBE_COLUMNS, [TABLES])).rows as Record<string, unknown>[];
    const wazo = (await fromWazoSchema.execute(DESCRIBE_COLUMNS, [TABLES])).rows as Record<string, unknown>[];
    const key = (row: Record<string, unknown>) => `${String(row['table_name'])}.${String(row['column_name'])}`;
    const declared = new Set(ours.map(key));
    expect(ours.length).toBeGreaterThanOrEqual(TABLES.length * 2);
    expect(ours).toEqual(wazo.filter((row) => declared.has(key(row))));
  });
});
