import { describe, expect, it } from 'vitest';
import { generateFromSql } from '@wazo-confgend/testing';
import { RtpConfDriver } from '../src/index.js';

describe('RtpConfDriver', () => {
  const generate = (sql: string[]) => generateFromSql(RtpConfDriver, sql);

  it('generates nothing when the database has no rtp.conf, which the service treats as no result', async () => {
    await expect(generate([`INSERT INTO asterisk_file (id, name) VALUES (1, 'other.conf')`])).rejects.toMatchObject({
      code: 'WCG_ERR_GENERATION_EMPTY',
    });
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
