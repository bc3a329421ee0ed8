import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.js';
import { ReadOnlySessionScope } from '../session/session-scope.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { findAllConferences } from './find-all-conferences.js';

describe('findAllConferences', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({
      sql: [
        `INSERT INTO conference (id, tenant_uuid, max_users, record, music_on_hold, admin_pin) VALUES (7, 't', 10, true, 'jazz', '1234')`,
        `INSERT INTO conference (id, tenant_uuid) VALUES (3, 't')`,
      ],
    });
    dataSource = await createDataSource(database.url).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('returns every room by id with the profile fields', async () => {
    expect(await new ReadOnlySessionScope(dataSource).run(findAllConferences)).toEqual([
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
    ]);
  });
});
