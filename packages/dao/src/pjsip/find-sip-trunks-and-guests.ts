import { query } from '../session/session-scope.js';
import { TEMPLATE_RANK } from './find-sip-lines.js';
import type { MeetingGuestSettings, SipTrunkSettings } from './types.js';

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
    `WITH ${TEMPLATE_RANK}
     SELECT tf.id, tf.endpoint_sip_uuid, tf.context
       FROM trunkfeatures tf
       LEFT JOIN template_rank tr ON tr.child_uuid = tf.endpoint_sip_uuid
      WHERE tf.endpoint_sip_uuid IS NOT NULL
      ORDER BY tr.priority ASC NULLS LAST, tf.id`,
  );
  return rows.map((row) => ({ id: row.id, endpointUuid: row.endpoint_sip_uuid, context: row.context }));
}

/**
 * Meetings with a guest endpoint, ordered as trunks are; ties in physical order (the uuid key
 * carries no insertion order).
 */
export async function findMeetingGuests(): Promise<MeetingGuestSettings[]> {
  const rows = await query<GuestRow>(
    `WITH ${TEMPLATE_RANK}
     SELECT m.uuid, m.name, m.guest_endpoint_sip_uuid
       FROM meeting m
       LEFT JOIN template_rank tr ON tr.child_uuid = m.guest_endpoint_sip_uuid
      WHERE m.guest_endpoint_sip_uuid IS NOT NULL
      ORDER BY tr.priority ASC NULLS LAST, m.ctid`,
  );
  return rows.map((row) => ({ meetingUuid: row.uuid, meetingName: row.name, endpointUuid: row.guest_endpoint_sip_uuid }));
}
