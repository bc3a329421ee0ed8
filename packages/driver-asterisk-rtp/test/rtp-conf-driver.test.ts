import { afterEach, describe, expect, it } from 'vitest';
import { createDataSource } from '@wazo-confgend/dao';
import { createTestDatabase, driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import type { TestDatabase } from '@wazo-confgend/testing';
import { RtpConfDriver } from '../src/index.js';

describe('RtpConfDriver', () => {
  let database: TestDatabase | undefined;

  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  async function generate(sql: string[]): Promise<unknown> {
    database = await createTestDatabase({ schema: { kind: 'entities' }, sql });
    const dataSource = await createDataSource(database.url, { poolSize: 1 }).initialize();
    try {
      return await generateWithDriver(RtpConfDriver, driverConfig(), dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  it('generates nothing when the database has no rtp.conf, which the service treats as no result', async () => {
    expect(await generate([`INSERT INTO asterisk_file (id, name) VALUES (1, 'other.conf')`])).toBe('');
  });

  it('writes NULL values as empty and sections without priority last', async () => {
    const generated = await generate([
      `INSERT INTO asterisk_file (id, name) VALUES (1, 'rtp.conf'), (2, 'other.conf')`,
      `INSERT INTO asterisk_file_section (id, name, priority, asterisk_file_id) VALUES
         (1, 'last', NULL, 1), (2, 'general', 0, 1), (3, 'elsewhere', 0, 2)`,
      `INSERT INTO asterisk_file_variable (key, value, priority, asterisk_file_section_id) VALUES
         ('enabled', NULL, 0, 2), ('x', 'y', 0, 1), ('z', 'w', 0, 3)`,
    ]);
    expect(generated).toBe('[general]\nenabled =\n\n[last]\nx = y\n\n');
  });
});
