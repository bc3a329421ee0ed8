import { findPickupMemberships } from '@wazo-confgend/dao';
import { findMeetingGuests, findSipTrunks } from './find-sip-trunks-and-guests.js';
import { findSipEndpoints } from './find-sip-endpoints.js';
import { findSipLines } from './find-sip-lines.js';
import { findTenantRecordingSettings } from './find-tenants.js';
import { findPjsipTransports } from './find-transports.js';
import type { PjsipConfData } from './types.js';

/**
 * All the data of pjsip.conf (but the `asterisk_file` block) in eight set-based queries, whatever
 * the number of lines. Runs inside the session scope: every query sees the same snapshot.
 */
export async function findPjsipConfData(): Promise<PjsipConfData> {
  // One connection serves the transaction, so the queries run one after the other anyway; awaiting
  // each lets the rows of one become garbage before the next arrives.
  const transports = await findPjsipTransports();
  const tenants = await findTenantRecordingSettings();
  const endpoints = await findSipEndpoints();
  const lines = await findSipLines();
  const trunks = await findSipTrunks();
  const meetingGuests = await findMeetingGuests();
  const pickupMemberships = await findPickupMemberships('sip');
  return { transports, tenants, endpoints, lines, trunks, meetingGuests, pickupMemberships };
}
