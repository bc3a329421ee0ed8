import { query } from '@wazo-confgend/dao';
import type { PickupCategory, PickupMembership } from './types.js';

interface MembershipRow {
  category: PickupCategory;
  pickup_id: number;
  endpoint_sip_uuid: string;
}

/** The part every branch shares: a non-commented pickup group reaching a SIP line. */
const MEMBERSHIP_COLUMNS = 'SELECT pm.category, p.id AS pickup_id, lf.endpoint_sip_uuid FROM pickupmember pm JOIN pickup p ON p.id = pm.pickupid';
const SIP_LINE = 'JOIN linefeatures lf ON lf.id = ul.line_id';
const ACTIVE_SIP = 'p.commented = 0 AND lf.endpoint_sip_uuid IS NOT NULL';

/**
 * Which SIP line endpoints belong to which pickup groups, one query: a `user` member brings every
 * line of the user; a `group` or `queue` member brings the main line of each user (main user only)
 * that is a user member of that group's or queue's queue. UNION drops duplicates as upstream's does.
 */
export async function findPickupMemberships(): Promise<PickupMembership[]> {
  const rows = await query<MembershipRow>(
    `${MEMBERSHIP_COLUMNS}
       JOIN user_line ul ON ul.user_id = pm.memberid
       ${SIP_LINE}
      WHERE ${ACTIVE_SIP} AND pm.membertype = 'user'
     UNION
     ${MEMBERSHIP_COLUMNS}
       JOIN groupfeatures g ON g.id = pm.memberid
       JOIN queuemember qm ON qm.queue_name = g.name
       JOIN user_line ul ON ul.user_id = qm.userid
       ${SIP_LINE}
      WHERE ${ACTIVE_SIP} AND pm.membertype = 'group' AND qm.usertype = 'user' AND ul.main_user AND ul.main_line
     UNION
     ${MEMBERSHIP_COLUMNS}
       JOIN queuefeatures q ON q.id = pm.memberid
       JOIN queuemember qm ON qm.queue_name = q.name
       JOIN user_line ul ON ul.user_id = qm.userid
       ${SIP_LINE}
      WHERE ${ACTIVE_SIP} AND pm.membertype = 'queue' AND qm.usertype = 'user' AND ul.main_user AND ul.main_line
     ORDER BY pickup_id, endpoint_sip_uuid, category`,
  );
  return rows.map((row) => ({ endpointUuid: row.endpoint_sip_uuid, category: row.category, pickupId: row.pickup_id }));
}
