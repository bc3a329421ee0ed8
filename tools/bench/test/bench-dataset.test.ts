import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, findSharedReference, type TestDatabase } from '@wazo-confgend/dao/testing';
import { loadBenchDataset } from '../lib/bench-dataset.mjs';

const shared = findSharedReference();

const USERS = 250;
const PER_TENANT = 100;
const TRUNKS = 3;
const PICKUPS = 2;
const TENANTS = 3;

describe.skipIf(!shared)('the benchmark dataset on the real Wazo schema', () => {
  let database: TestDatabase;
  let report: { skippedTables: string[]; skippedColumns: string[] };

  const count = async (sql: string): Promise<number> =>
    ((await database.execute(`SELECT count(*)::int AS total FROM ${sql}`)).rows[0] as { total: number }).total;

  beforeAll(async () => {
    database = await createTestDatabase({ schema: { kind: 'sql-file', path: shared?.schemaSql ?? '' } });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      report = await loadBenchDataset(client, {
        users: USERS,
        usersPerTenant: PER_TENANT,
        trunksPerTenant: TRUNKS,
        pickupGroupsPerTenant: PICKUPS,
      });
    } finally {
      await client.end();
    }
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('writes every table and column it means to', () => {
    expect(report).toEqual({ skippedTables: [], skippedColumns: [] });
  });

  it('gives every user one SIP line with endpoint, aor and auth sections, and an extension', async () => {
    expect(await count('userfeatures')).toBe(USERS);
    expect(
      await count(
        `linefeatures l JOIN endpoint_sip e ON e.uuid = l.endpoint_sip_uuid AND NOT e.template
           JOIN user_line ul ON ul.line_id = l.id JOIN line_extension le ON le.line_id = l.id`,
      ),
    ).toBe(USERS);
    expect(
      await count(`linefeatures l JOIN endpoint_sip_section s ON s.endpoint_sip_uuid = l.endpoint_sip_uuid`),
    ).toBe(USERS * 3);
    expect(
      await count(`(SELECT l.id FROM linefeatures l
         JOIN endpoint_sip_section s ON s.endpoint_sip_uuid = l.endpoint_sip_uuid
         JOIN endpoint_sip_section_option o ON o.endpoint_sip_section_uuid = s.uuid
        GROUP BY l.id, s.type HAVING count(*) < 2) AS thin`),
    ).toBe(0);
    expect(await count('extensions')).toBe(USERS);
  });

  it('puts the lines on their tenant templates: webrtc for one in five, global for the others', async () => {
    const parents = await database.execute(
      `SELECT p.label, count(*)::int AS lines FROM linefeatures l
         JOIN endpoint_sip_template t ON t.child_uuid = l.endpoint_sip_uuid
         JOIN endpoint_sip p ON p.uuid = t.parent_uuid
        GROUP BY p.label ORDER BY p.label`,
    );
    expect(parents.rows).toEqual([
      { label: 'global', lines: USERS - USERS / 5 },
      { label: 'webrtc', lines: USERS / 5 },
    ]);
    expect(await count('endpoint_sip WHERE template')).toBe(TENANTS * 3);
    expect(await count('tenant')).toBe(TENANTS);
  });

  it('adds trunks with registration and authentication, voicemails for half the users, pickup groups', async () => {
    expect(
      await count(`trunkfeatures t JOIN endpoint_sip_section s ON s.endpoint_sip_uuid = t.endpoint_sip_uuid
        WHERE s.type IN ('registration', 'registration_outbound_auth', 'outbound_auth', 'identify')`),
    ).toBe(TENANTS * TRUNKS * 4);
    expect(await count('voicemail v JOIN userfeatures u ON u.voicemailid = v.uniqueid')).toBe(USERS / 2);
    expect(await count('pickup')).toBe(TENANTS * PICKUPS);
    expect(await count(`pickupmember WHERE category = 'member'`)).toBe(TENANTS * PICKUPS * 10);
  });

  it('is the same data each time: ids and names derive from the row numbers', async () => {
    const line = await database.execute(
      `SELECT e.name, e.uuid::text, x.exten, x.context FROM linefeatures l
         JOIN endpoint_sip e ON e.uuid = l.endpoint_sip_uuid
         JOIN line_extension le ON le.line_id = l.id JOIN extensions x ON x.id = le.extension_id
        WHERE l.id = 101`,
    );
    expect(line.rows).toEqual([
      { name: 'line101', uuid: expect.stringMatching(/^[0-9a-f-]{36}$/), exten: '1000', context: 'internal-2' },
    ]);
  });
});
