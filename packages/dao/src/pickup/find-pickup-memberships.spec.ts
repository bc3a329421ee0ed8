import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/use-test-database.js';
import { findPickupMemberships } from './find-pickup-memberships.js';

const TENANT = 'aaaaaaaa-0000-4000-8000-00000000000a';
const sip = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;

describe('findPickupMemberships', () => {
  const database = useTestDatabase(
    { beforeAll, afterAll },
    {
      sql: [
        // users 1-3 each with one line: 1 and 2 SIP, 3 SCCP; user 2 also has a second, non-main SIP line (4)
        `INSERT INTO linefeatures (id, name, context, endpoint_sip_uuid, endpoint_sccp_id) VALUES
           (1, 'l1', 'ctx', '${sip(1)}', NULL), (2, 'l2', 'ctx', '${sip(2)}', NULL), (3, 'l3', 'ctx', NULL, 30), (4, 'l4', 'ctx', '${sip(4)}', NULL)`,
        `INSERT INTO user_line (user_id, line_id, main_user, main_line) VALUES
           (1, 1, true, true), (2, 2, true, true), (3, 3, true, true), (2, 4, true, false)`,
        `INSERT INTO pickup (id, tenant_uuid, name, commented) VALUES
           (7, '${TENANT}', 'seven', 0), (3, '${TENANT}', 'three', 0), (5, '${TENANT}', 'off', 1)`,
        `INSERT INTO groupfeatures (id, name) VALUES (40, 'sales')`,
        `INSERT INTO queuefeatures (id, name) VALUES (50, 'support')`,
        `INSERT INTO queuemember (queue_name, interface, usertype, userid) VALUES
           ('sales', 'PJSIP/l2', 'user', 2), ('support', 'SCCP/l3', 'user', 3)`,
        `INSERT INTO pickupmember (pickupid, category, membertype, memberid) VALUES
           (7, 'member', 'user', 1), (3, 'member', 'user', 1), (3, 'pickup', 'user', 2),
           (7, 'pickup', 'group', 40), (3, 'member', 'queue', 50), (5, 'member', 'user', 1),
           (7, 'member', 'user', 2), (7, 'member', 'group', 40)`,
      ],
    },
  );

  it('gives SIP line endpoints by uuid: users bring every line, groups and queues the main line of their users', async () => {
    expect(await database.run(() => findPickupMemberships('sip'))).toEqual([
      // ordered by endpoint, category, then group: each list comes in ascending id order
      { endpoint: sip(1), category: 'member', pickupId: 3 },
      { endpoint: sip(1), category: 'member', pickupId: 7 },
      // a user member and the group it belongs to give the same membership once
      { endpoint: sip(2), category: 'member', pickupId: 7 },
      { endpoint: sip(2), category: 'pickup', pickupId: 3 },
      { endpoint: sip(2), category: 'pickup', pickupId: 7 },
      // a user member brings the user's other line too; a group member would not
      { endpoint: sip(4), category: 'member', pickupId: 7 },
      { endpoint: sip(4), category: 'pickup', pickupId: 3 },
    ]);
  });

  it('gives SCCP lines by sccpline id, and leaves commented groups out', async () => {
    expect(await database.run(() => findPickupMemberships('sccp'))).toEqual([{ endpoint: 30, category: 'member', pickupId: 3 }]);
  });
});
