import { query } from '../session/session-scope.js';

/** `member`: the line may pick up the group's calls; `pickup`: its calls may be picked up by the group. */
export type PickupCategory = 'member' | 'pickup';

/** The line column that names an endpoint of each protocol. */
const ENDPOINT_COLUMNS = { sip: 'lf.endpoint_sip_uuid', sccp: 'lf.endpoint_sccp_id' } as const;

export type PickupProtocol = keyof typeof ENDPOINT_COLUMNS;

/** SIP endpoints are named by uuid, SCCP lines by `sccpline` id. */
export type PickupEndpoint<P extends PickupProtocol> = P extends 'sip' ? string : number;

/** One line endpoint belonging to one pickup group, directly (a user member) or through a group or queue. */
export interface PickupMembership<E> {
  readonly endpoint: E;
  readonly category: PickupCategory;
  readonly pickupId: number;
}

interface MembershipRow<E> {
  endpoint: E;
  category: PickupCategory;
  pickup_id: number;
}

function membershipsQuery(endpointColumn: string): string {
  const columns = `SELECT pm.category, p.id AS pickup_id, ${endpointColumn} AS endpoint FROM pickupmember pm JOIN pickup p ON p.id = pm.pickupid`;
  const line = 'JOIN linefeatures lf ON lf.id = ul.line_id';
  const active = `p.commented = 0 AND ${endpointColumn} IS NOT NULL`;
  // a group and a queue both reach their users through queuemember, by the group's or queue's name
  const throughMembers = (table: string, membertype: string) => `${columns}
       JOIN ${table} owner ON owner.id = pm.memberid
       JOIN queuemember qm ON qm.queue_name = owner.name
       JOIN user_line ul ON ul.user_id = qm.userid
       ${line}
      WHERE ${active} AND pm.membertype = '${membertype}' AND qm.usertype = 'user' AND ul.main_user AND ul.main_line`;
  return `${columns}
       JOIN user_line ul ON ul.user_id = pm.memberid
       ${line}
      WHERE ${active} AND pm.membertype = 'user'
     UNION
     ${throughMembers('groupfeatures', 'group')}
     UNION
     ${throughMembers('queuefeatures', 'queue')}
     ORDER BY endpoint, category, pickup_id`;
}

const QUERIES: Record<PickupProtocol, string> = { sip: membershipsQuery(ENDPOINT_COLUMNS.sip), sccp: membershipsQuery(ENDPOINT_COLUMNS.sccp) };

/**
 * Which line endpoints of `protocol` belong to which enabled pickup groups, in one statement (as
 * upstream's pickup queries): a user member brings every line of the user; a group or queue member
 * brings the main line of each of its users (main user only). UNION drops duplicates as upstream's
 * does. Ordered by endpoint, category, then group id: each endpoint's groups of a category come in
 * ascending id order, the order upstream fills the sets it joins.
 */
export async function findPickupMemberships<P extends PickupProtocol>(protocol: P): Promise<PickupMembership<PickupEndpoint<P>>[]> {
  const rows = await query<MembershipRow<PickupEndpoint<P>>>(QUERIES[protocol]);
  return rows.map((row) => ({ endpoint: row.endpoint, category: row.category, pickupId: row.pickup_id }));
}
