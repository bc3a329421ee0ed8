import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, findSharedReference, type TestDatabase } from '@wazo-confgend/dao/testing';
import { createDataSource } from '@wazo-confgend/dao';
import { PjsipConfDriver } from '@wazo-confgend/driver-asterisk-pjsip';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { loadDataset, prepareDataset } from '../lib/dataset/dataset.mjs';

const shared = findSharedReference();
const USERS = 200;

const prepare = (shape: string, users = USERS) =>
  prepareDataset({
    shape,
    users,
    schemaSqlPath: shared?.schemaSql ?? '',
    fixtureSqlPath: shared?.fixtureSql('dev') ?? '',
  });

/** Tables the pjsip, extensions, queues, voicemail and sccp generators read, all expected non-empty. */
const READ_TABLES = [
  'context', 'contextinclude', 'extensions', 'feature_extension', 'userfeatures', 'linefeatures',
  'user_line', 'line_extension', 'endpoint_sip', 'endpoint_sip_template', 'endpoint_sip_section',
  'endpoint_sip_section_option', 'pjsip_transport', 'trunkfeatures', 'meeting', 'pickup', 'pickupmember',
  'voicemail', 'staticvoicemail', 'queue', 'queuefeatures', 'groupfeatures', 'queuemember', 'staticqueue',
  'agentfeatures', 'queueskill', 'agentqueueskill', 'queueskillrule', 'sccpline', 'sccpdevice',
  'sccpgeneralsettings', 'func_key', 'func_key_mapping', 'func_key_dest_user', 'func_key_dest_service',
  'func_key_dest_forward', 'func_key_dest_custom', 'func_key_dest_agent', 'func_key_dest_groupmember',
  'func_key_dest_conference', 'func_key_dest_bsfilter', 'callfilter', 'callfiltermember', 'conference',
  'parking_lot', 'incall', 'dialaction', 'ivr', 'ivr_choice', 'schedule', 'schedule_time', 'schedule_path',
  'outcall', 'outcalltrunk', 'asterisk_file_variable',
];

describe.skipIf(!shared)('the benchmark datasets on the real Wazo schema', () => {
  it('gives the same fingerprint for the same shape and size, another one otherwise', async () => {
    const [small, again, large, bigger] = await Promise.all([
      prepare('small-tenants'),
      prepare('small-tenants'),
      prepare('large-tenants'),
      prepare('small-tenants', USERS + 1),
    ]);
    expect(again.fingerprint).toBe(small.fingerprint);
    expect(new Set([small.fingerprint, large.fingerprint, bigger.fingerprint]).size).toBe(3);
  });

  describe.each([
    // 2 tenants of 100 users; 160 + 40 users.
    { shape: 'small-tenants', tenants: 2 },
    { shape: 'large-tenants', tenants: 2 },
  ])('$shape at N=200', ({ shape, tenants }) => {
    let database: TestDatabase;

    const count = async (from: string): Promise<number> =>
      ((await database.execute(`SELECT count(*)::int AS total FROM ${from}`)).rows[0] as { total: number }).total;

    beforeAll(async () => {
      database = await createTestDatabase({ schema: { kind: 'empty' } });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await loadDataset(client, await prepare(shape));
      } finally {
        await client.end();
      }
    });

    afterAll(async () => {
      await database?.drop();
    });

    it('has the users, lines and voicemails of its proportions', async () => {
      expect(await count('tenant WHERE sip_templates_generated AND twilio_trunk_sip_template_uuid IS NOT NULL')).toBe(tenants);
      expect(await count('userfeatures')).toBe(USERS);
      // One user in twenty on SCCP, the others on SIP; seven in ten with a voicemail; one in ten an agent.
      expect(await count('linefeatures WHERE endpoint_sip_uuid IS NOT NULL')).toBe(190);
      expect(await count('linefeatures l JOIN sccpline s ON s.id = l.endpoint_sccp_id JOIN sccpdevice d ON d.line = s.name')).toBe(10);
      expect(await count('voicemail v JOIN userfeatures u ON u.voicemailid = v.uniqueid')).toBe(140);
      expect(await count('agentfeatures a JOIN userfeatures u ON u.agentid = a.id')).toBe(20);
      expect(await count(`endpoint_sip WHERE template`)).toBe(tenants * 5);
    });

    it('fills every table the generators read', async () => {
      const { rows } = await database.execute(
        READ_TABLES.map((table) => `SELECT '${table}' AS name WHERE NOT EXISTS (SELECT FROM ${table})`).join(' UNION ALL '),
      );
      expect(rows.map((row: { name: string }) => row.name)).toEqual([]);
    });

    it('stores some rows out of id order, as edits do in production', async () => {
      for (const [table, key] of [
        ['userfeatures', 'id'],
        ['voicemail', 'uniqueid'],
        ['linefeatures', 'id'],
      ]) {
        expect(await count(`(SELECT ${key} < lag(${key}) OVER (ORDER BY ctid) AS back FROM ${table}) AS moved WHERE back`)).toBeGreaterThan(0);
      }
    });

    it('generates pjsip.conf: one endpoint per SIP line, trunk and meeting guest', async () => {
      const dataSource = await createDataSource(database.url, { poolSize: 1 }).initialize();
      try {
        const content = String(await generateWithDriver(PjsipConfDriver, driverConfig(), dataSource));
        // 190 lines, 2 trunks and 1 meeting guest per tenant.
        expect(content.match(/^type = endpoint$/gm)).toHaveLength(190 + tenants * 3);
        expect(content).toContain('\n[line1]\n');
        expect(content).toContain('\n[trunk-t1-2]\n');
      } finally {
        await dataSource.destroy();
      }
    });
  });
});
