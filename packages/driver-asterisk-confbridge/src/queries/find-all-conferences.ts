import { query } from '@wazo-confgend/dao';

/** What confbridge.conf needs of a conference room. */
export interface ConferenceProfile {
  readonly id: number;
  readonly maxUsers: number;
  readonly record: boolean;
  readonly quietJoinLeave: boolean;
  readonly announceJoinLeave: boolean;
  readonly announceUserCount: boolean;
  readonly announceOnlyUser: boolean;
  readonly musicOnHold: string | null;
  readonly adminPin: string | null;
}

// Upstream has no ORDER BY, so a sequential scan's heap order decides (a dump keeps it, and an
// edited room moves to the end): ctid states that order, where the id would not after an edit.
const FIND_ALL_CONFERENCES = `
  SELECT id,
         max_users AS "maxUsers",
         record,
         quiet_join_leave AS "quietJoinLeave",
         announce_join_leave AS "announceJoinLeave",
         announce_user_count AS "announceUserCount",
         announce_only_user AS "announceOnlyUser",
         music_on_hold AS "musicOnHold",
         admin_pin AS "adminPin"
  FROM conference
  ORDER BY ctid`;

/** Every conference room of every tenant. */
export async function findAllConferences(): Promise<ConferenceProfile[]> {
  return query<ConferenceProfile>(FIND_ALL_CONFERENCES);
}
