import { ConfOutput, renderAsteriskFile } from '@wazo-confgend/asterisk-conf';
import { findAsteriskFile } from '@wazo-confgend/dao';
import { findAllConferences, type ConferenceProfile } from './queries/find-all-conferences.js';
import { DEFAULT_MENUS, MEETING_PROFILES } from './fixed-profiles.js';

const yesNo = (flag: boolean): string => (flag ? 'yes' : 'no');

function bridgeProfile(room: ConferenceProfile): string[] {
  return [
    `[wazo-bridge-profile-${room.id}](wazo_default_bridge)`,
    'type = bridge',
    `max_members = ${room.maxUsers}`,
    `record_conference = ${yesNo(room.record)}`,
  ];
}

function userProfile(room: ConferenceProfile): string[] {
  const lines = [
    `[wazo-user-profile-${room.id}](wazo_default_user)`,
    'type = user',
    `quiet = ${yesNo(room.quietJoinLeave)}`,
    `announce_join_leave = ${yesNo(room.announceJoinLeave)}`,
    `announce_user_count = ${yesNo(room.announceUserCount)}`,
    `announce_only_user = ${yesNo(room.announceOnlyUser)}`,
  ];
  if (room.musicOnHold) lines.push('music_on_hold_when_empty = yes', `music_on_hold_class = ${room.musicOnHold}`);
  return lines;
}

function adminProfile(room: ConferenceProfile): string[] {
  return [`[wazo-admin-profile-${room.id}](wazo-user-profile-${room.id})`, 'admin = yes'];
}

/**
 * asterisk/confbridge.conf: the `confbridge.conf` sections of the database, then one bridge and one
 * user profile per conference room (plus an admin profile for rooms with an admin PIN), then the
 * fixed menus and meeting profiles.
 *
 * The rooms are written as raw lines, not through the section writer, with upstream's exact blank
 * lines: an empty line after each bridge profile, after each user profile and after each room's
 * (possibly absent) admin profile, and one more after each block. So a room without admin PIN
 * leaves two empty lines, and a database without rooms three empty lines before the menus.
 * Values are written as stored (no white space stripped), as upstream does for these lines.
 */
export class ConfbridgeConfDriver {
  async generate(): Promise<string> {
    const output = new ConfOutput();
    renderAsteriskFile(await findAsteriskFile('confbridge.conf'), [], output);
    const rooms = await findAllConferences();
    const write = (lines: readonly string[]) => {
      for (const line of lines) output.write(`${line}\n`);
    };

    for (const room of rooms) {
      write(bridgeProfile(room));
      output.write('\n');
    }
    output.write('\n');

    for (const room of rooms) {
      write(userProfile(room));
      output.write('\n');
      if (room.adminPin) write(adminProfile(room));
      output.write('\n');
    }
    output.write('\n');

    write(DEFAULT_MENUS);
    output.write('\n');
    write(MEETING_PROFILES);
    output.write('\n');
    return output.toString();
  }
}
