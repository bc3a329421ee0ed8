import { query } from '@wazo-confgend/dao';
import type { MeetingGuestSettings, SipTrunkSettings } from './types.js';

/** The lowest template priority of an endpoint (where upstream's sorted result first meets it): a few index probes. */
const templateRankOf = (endpointUuid: string) =>
  `(SELECT min(t.priority) FROM endpoint_sip_template t WHERE t.child_uuid = ${endpointUuid})`;

interface TrunkRow {
  id: number;
  endpoint_sip_uuid: string;
  context: string | null;
}

interface GuestRow {
  uuid: string;
  name: string | null;
  guest_endpoint_sip_uuid: string;
}

/**
 * Trunks with a SIP endpoint. Upstream's joined query is ordered by the endpoint's template
 * priority only (templated trunks first); ties by trunk id.
 */
export async function findSipTrunks(): Promise<SipTrunkSettings[]> {
  const rows = await query<TrunkRow>(
    `SELECT tf.id, tf.endpoint_sip_uuid, tf.context
       FROM trunkfeatures tf
      WHERE tf.endpoint_sip_uuid IS NOT NULL
      ORDER BY ${templateRankOf('tf.endpoint_sip_uuid')} ASC NULLS LAST, tf.id`,
  );
  return rows.map((row) => ({ id: row.id, endpointUuid: row.endpoint_sip_uuid, context: row.context }));
}

/**
 * Meetings with a guest endpoint, ordered as trunks are; ties in physical order (the uuid key
 * carries no insertion order).
 */
export async function findMeetingGuests(): Promise<MeetingGuestSettings[]> {
  const rows = await query<GuestRow>(
    `SELECT m.uuid, m.name, m.guest_endpoint_sip_uuid
       FROM meeting m
      WHERE m.guest_endpoint_sip_uuid IS NOT NULL
      ORDER BY ${templateRankOf('m.guest_endpoint_sip_uuid')} ASC NULLS LAST, m.ctid`,
  );
  return rows.map((row) => ({ meetingUuid: row.uuid, meetingName: row.name, endpointUuid: row.guest_endpoint_sip_uuid }));
}
