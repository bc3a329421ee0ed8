import { query } from '@wazo-confgend/dao';

export interface SccpPickupMembership {
  /** `member`: the line may pick up the group's calls; `pickup`: its calls may be picked up. */
  readonly category: 'member' | 'pickup';
  readonly pickup_id: number;
  readonly endpoint_sccp_id: number;
}

const MEMBERSHIP_COLUMNS = `
  SELECT pm.category, p.id AS pickup_id, lf.endpoint_sccp_id
    FROM pickupmember pm
    JOIN pickup p ON p.id = pm.pickupid`;
const ACTIVE_SCCP_LINE = 'p.commented = 0 AND lf.endpoint_sccp_id IS NOT NULL';

// Which SCCP lines belong to which enabled pickup groups: a user member brings every line of the
// user; a group or queue member brings the main line of each of its users. Upstream's UNION has
// no ORDER BY; the group ids are read in ascending order, the order a sorted UNION returns.
const FIND_SCCP_PICKUP_MEMBERSHIPS = `
  ${MEMBERSHIP_COLUMNS}
    JOIN user_line ul ON ul.user_id = pm.memberid
    JOIN linefeatures lf ON lf.id = ul.line_id
   WHERE ${ACTIVE_SCCP_LINE} AND pm.membertype = 'user'
  UNION
  ${MEMBERSHIP_COLUMNS}
    JOIN groupfeatures g ON g.id = pm.memberid
    JOIN queuemember qm ON qm.queue_name = g.name
    JOIN user_line ul ON ul.user_id = qm.userid
    JOIN linefeatures lf ON lf.id = ul.line_id
   WHERE ${ACTIVE_SCCP_LINE} AND pm.membertype = 'group' AND qm.usertype = 'user' AND ul.main_user AND ul.main_line
  UNION
  ${MEMBERSHIP_COLUMNS}
    JOIN queuefeatures q ON q.id = pm.memberid
    JOIN queuemember qm ON qm.queue_name = q.name
    JOIN user_line ul ON ul.user_id = qm.userid
    JOIN linefeatures lf ON lf.id = ul.line_id
   WHERE ${ACTIVE_SCCP_LINE} AND pm.membertype = 'queue' AND qm.usertype = 'user' AND ul.main_user AND ul.main_line
   ORDER BY endpoint_sccp_id, category, pickup_id`;

export async function findSccpPickupMemberships(): Promise<SccpPickupMembership[]> {
  return query<SccpPickupMembership>(FIND_SCCP_PICKUP_MEMBERSHIPS);
}
