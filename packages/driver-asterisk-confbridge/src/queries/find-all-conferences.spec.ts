import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, ReadOnlySessionScope } from '@wazo-confgend/dao';
import { createTestDatabase, useTestDatabase } from '@wazo-confgend/dao/testing';
import { findAllConferences } from './find-all-conferences.js';

describe('findAllConferences', () => {
  const database = useTestDatabase({ beforeAll, afterAll }, {
    sql: [
      `INSERT INTO conference (id, tenant_uuid, max_users, record, music_on_hold, admin_pin) VALUES (7, 't', 10, true, 'jazz', '1234')`,
      `INSERT INTO conference (id, tenant_uuid) VALUES (3, 't')`,
    ],
  });

  it('returns every room in physical (heap) order, as upstream reads them without ORDER BY, with the profile fields', async () => {
    expect(await database.run(findAllConferences)).toEqual([
      {
        id: 7,
        maxUsers: 10,
        record: true,
        quietJoinLeave: false,
        announceJoinLeave: false,
        announceUserCount: false,
        announceOnlyUser: true,
        musicOnHold: 'jazz',
        adminPin: '1234',
      },
      {
        id: 3,
        maxUsers: 50,
        record: false,
        quietJoinLeave: false,
        announceJoinLeave: false,
        announceUserCount: false,
        announceOnlyUser: true,
        musicOnHold: null,
        adminPin: null,
      },
    ]);
  });

  it('writes an edited room after the others, as a sequential scan sees it', async () => {
    const scratch = await createTestDatabase({
      sql: [
        `INSERT INTO conference (id, tenant_uuid) VALUES (1, 't'), (2, 't'), (3, 't')`,
        `UPDATE conference SET max_users = 20 WHERE id = 1`,
      ],
    });
    const scratchSource = await createDataSource(scratch.url).initialize();
    try {
      const rooms = await new ReadOnlySessionScope(scratchSource).run(findAllConferences);
      expect(rooms.map((room) => [room.id, room.maxUsers])).toEqual([[2, 50], [3, 50], [1, 20]]);
    } finally {
      await scratchSource.destroy();
      await scratch.drop();
    }
  });
});
