import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { findAllMoh } from './find-all-moh.js';

describe('findAllMoh', () => {
  // uuids and names both sort differently from the insertion order.
  const database = useTestDatabase({ beforeAll, afterAll }, {
    sql: [
      `INSERT INTO moh (uuid, tenant_uuid, name, label, mode, application, sort) VALUES
         ('ffff', 't1', 'b-first', 'B', 'files', NULL, 'alphabetical'),
         ('0000', 't1', 'c-second', 'C', 'custom', '/bin/player', NULL),
         ('8888', 't2', 'a-third', 'A', 'mp3', NULL, 'random')`,
    ],
  });
  const names = async () => (await database.run(findAllMoh)).map((moh) => moh.name);

  it('returns every class in the physical order of the table, as upstream sees it', async () => {
    expect(await names()).toEqual(['b-first', 'c-second', 'a-third']);
    const [first] = await database.run(findAllMoh);
    expect(first).toEqual({
      uuid: 'ffff',
      tenant_uuid: 't1',
      name: 'b-first',
      label: 'B',
      mode: 'files',
      application: null,
      sort: 'alphabetical',
    });
  });

  it('moves an updated row to the end, like a sequential scan', async () => {
    await database.execute(`UPDATE moh SET label = 'B2' WHERE name = 'b-first'`);
    expect(await names()).toEqual(['c-second', 'a-third', 'b-first']);
  });
});
