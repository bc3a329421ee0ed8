import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATASET, loadDataset, type DatasetLoadReport } from '../src/demo/index.js';
import { createTestDatabase, findSharedReference, type TestDatabase, type TestSchema } from '../src/testing/index.js';

const shared = findSharedReference();

async function loadInto(database: TestDatabase): Promise<DatasetLoadReport> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const report = await loadDataset(client, DEMO_DATASET);
    await client.query('COMMIT');
    return report;
  } finally {
    await client.end();
  }
}

async function rowCounts(database: TestDatabase, tables: readonly string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await database.execute(`SELECT count(*)::int AS total FROM "${table}"`);
    counts[table] = (result.rows[0] as { total: number }).total;
  }
  return counts;
}

function expectedCounts(skippedTables: readonly string[] = []): Record<string, number> {
  return Object.fromEntries(
    DEMO_DATASET.tables.filter(({ table }) => !skippedTables.includes(table)).map(({ table, rows }) => [table, rows.length]),
  );
}

function loadedDatabase(schema: () => TestSchema) {
  const state: { database?: TestDatabase; report?: DatasetLoadReport } = {};
  beforeAll(async () => {
    state.database = await createTestDatabase({ schema: schema() });
    state.report = await loadInto(state.database);
  });
  afterAll(async () => {
    await state.database?.drop();
  });
  return state as { database: TestDatabase; report: DatasetLoadReport };
}

describe('the demo dataset on the tables built from the entities', () => {
  const loaded = loadedDatabase(() => ({ kind: 'entities' }));

  it('loads every row of every table the entities define', async () => {
    const expected = expectedCounts(loaded.report.skippedTables);
    expect(await rowCounts(loaded.database, Object.keys(expected))).toEqual(expected);
    expect(loaded.report.skippedTables).not.toContain('asterisk_file');
  });
});

describe.skipIf(!shared)('the demo dataset on the real Wazo schema', () => {
  const loaded = loadedDatabase(() => ({ kind: 'sql-file', path: shared?.schemaSql ?? '' }));

  it('loads whole, with no table or column left out', async () => {
    expect(loaded.report.skippedTables).toEqual([]);
    expect(loaded.report.skippedColumns).toEqual([]);
    expect(await rowCounts(loaded.database, Object.keys(expectedCounts()))).toEqual(expectedCounts());
  });

  it('gives the pjsip.conf driver lines with endpoint, aor and auth sections', async () => {
    const lines = await loaded.database.execute(
      `SELECT e.name, array_agg(s.type::text ORDER BY s.type::text) AS sections
         FROM linefeatures l JOIN endpoint_sip e ON e.uuid = l.endpoint_sip_uuid
         JOIN endpoint_sip_section s ON s.endpoint_sip_uuid = e.uuid
        GROUP BY e.name ORDER BY e.name`,
    );
    const sections = ['aor', 'auth', 'endpoint'];
    expect(lines.rows).toEqual(
      ['ada-desk', 'alan-desk', 'grace-web', 'katherine-desk'].map((name) => ({ name, sections })),
    );
  });

  it('gives it a registered trunk with outbound authentication and templates the tenant points at', async () => {
    const trunk = await loaded.database.execute(
      `SELECT array_agg(s.type::text ORDER BY s.type::text) AS sections
         FROM trunkfeatures t JOIN endpoint_sip_section s ON s.endpoint_sip_uuid = t.endpoint_sip_uuid`,
    );
    expect(trunk.rows).toEqual([
      { sections: ['aor', 'endpoint', 'identify', 'outbound_auth', 'registration', 'registration_outbound_auth'] },
    ]);
    const tenant = await loaded.database.execute(
      `SELECT t.slug, g.name AS global, w.name AS webrtc, r.name AS trunk
         FROM tenant t JOIN endpoint_sip g ON g.uuid = t.global_sip_template_uuid
         JOIN endpoint_sip w ON w.uuid = t.webrtc_sip_template_uuid
         JOIN endpoint_sip r ON r.uuid = t.registration_trunk_sip_template_uuid`,
    );
    expect(tenant.rows).toEqual([
      { slug: 'demo', global: 'demo-tpl-global', webrtc: 'demo-tpl-webrtc', trunk: 'demo-tpl-registration-trunk' },
    ]);
  });

  it('leaves the sequences past its rows, so rows added later get fresh ids', async () => {
    const added = await loaded.database.execute(
      `INSERT INTO extensions (context, exten, type, typeval) VALUES ('demo-internal', '1099', 'user', '0') RETURNING id`,
    );
    expect(added.rows).toEqual([{ id: (expectedCounts()['extensions'] ?? 0) + 1 }]);
  });
});
