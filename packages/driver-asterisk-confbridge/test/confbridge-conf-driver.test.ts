import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { ConfbridgeConfDriver } from '../src/index.js';

const HEADER = '[general]\n\n[wazo_default_user]\ntype = user\ntalk_detection_events = yes\n\n';
const MENUS_START = '[wazo-default-user-menu]\ntype = menu\n';
const END = '[wazo-meeting-menu]\ntype = menu\n* = playback_and_continue(dir-multi1&digits/1&confbridge-mute-out)\n1 = toggle_mute\n\n';

describe('ConfbridgeConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll }, {
    sql: [
      `INSERT INTO asterisk_file (id, name) VALUES (1, 'confbridge.conf')`,
      `INSERT INTO asterisk_file_section (id, name, priority, asterisk_file_id) VALUES (1, 'general', 0, 1), (2, 'wazo_default_user', 1, 1)`,
      `INSERT INTO asterisk_file_variable (key, value, priority, asterisk_file_section_id) VALUES
         ('type', 'user', 0, 2), ('talk_detection_events', 'yes', 1, 2)`,
    ],
  });
  const generate = async () => String(await generateWithDriver(ConfbridgeConfDriver, driverConfig(), database.dataSource));

  afterEach(async () => {
    await database.execute('DELETE FROM conference');
  });

  it('leaves three empty lines before the menus when there is no conference', async () => {
    const generated = await generate();
    expect(generated.startsWith(`${HEADER}\n\n${MENUS_START}`)).toBe(true);
    expect(generated.endsWith(END)).toBe(true);
  });

  it('writes an admin profile for a room with an admin PIN, and no hold music without a class', async () => {
    await database.execute(
      `INSERT INTO conference (id, tenant_uuid, max_users, record, quiet_join_leave, admin_pin) VALUES (4, 't', 10, true, true, '1234')`,
    );
    expect((await generate()).split(MENUS_START)[0]).toBe(
      HEADER +
        '[wazo-bridge-profile-4](wazo_default_bridge)\ntype = bridge\nmax_members = 10\nrecord_conference = yes\n\n\n' +
        '[wazo-user-profile-4](wazo_default_user)\ntype = user\nquiet = yes\nannounce_join_leave = no\n' +
        'announce_user_count = no\nannounce_only_user = yes\n\n' +
        '[wazo-admin-profile-4](wazo-user-profile-4)\nadmin = yes\n\n\n',
    );
  });

  it('plays the room hold music when alone, and leaves two empty lines after a room without admin PIN', async () => {
    await database.execute(
      `INSERT INTO conference (id, tenant_uuid, announce_user_count, music_on_hold) VALUES (2, 't', false, NULL), (9, 't', true, 'jazz')`,
    );
    const profiles = (await generate()).split(MENUS_START)[0];
    expect(profiles).toBe(
      HEADER +
        '[wazo-bridge-profile-2](wazo_default_bridge)\ntype = bridge\nmax_members = 50\nrecord_conference = no\n\n' +
        '[wazo-bridge-profile-9](wazo_default_bridge)\ntype = bridge\nmax_members = 50\nrecord_conference = no\n\n\n' +
        '[wazo-user-profile-2](wazo_default_user)\ntype = user\nquiet = no\nannounce_join_leave = no\n' +
        'announce_user_count = no\nannounce_only_user = yes\n\n\n' +
        '[wazo-user-profile-9](wazo_default_user)\ntype = user\nquiet = no\nannounce_join_leave = no\n' +
        'announce_user_count = yes\nannounce_only_user = yes\nmusic_on_hold_when_empty = yes\nmusic_on_hold_class = jazz\n\n\n\n',
    );
  });
});

describe('ConfbridgeConfDriver without a confbridge.conf file in the database', () => {
  const database = useTestDatabase({ beforeAll, afterAll }, { poolSize: 1 });

  it('still writes the rooms and the fixed profiles', async () => {
    const generated = String(await generateWithDriver(ConfbridgeConfDriver, driverConfig(), database.dataSource));
    expect(generated.startsWith(`\n\n${MENUS_START}`)).toBe(true);
    expect(generated.endsWith(END)).toBe(true);
  });
});
