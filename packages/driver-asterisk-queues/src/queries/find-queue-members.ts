import { query } from '@wazo-confgend/dao';

interface QueueMembersRow {
  readonly queue_name: string;
  readonly lines: string;
}

// One query for all queues (upstream runs one per queue, ordered by position), each queue's
// `member = interface,penalty,membername,state_interface` lines built and joined by PostgreSQL.
// A member whose userid names a user rings the user's shared lines and follows their hint; any
// other (an extension's Local channel, a user since deleted) keeps its stored interface, with no
// state. Agent members (usertype 'agent') are never listed. Members sharing a position keep their
// physical order (ctid), which is what upstream's sort returns for already-ordered input. No line
// needs the writer's strip: each starts with `member` and ends with `,,` or `@usersharedlines`.
const FIND_QUEUE_MEMBERS = `
  SELECT qm.queue_name,
         string_agg(
           'member = ' ||
           CASE WHEN u.uuid IS NULL THEN qm.interface || ',' || qm.penalty || ',,'
                ELSE 'Local/' || u.uuid || '@usersharedlines,' || qm.penalty || ',,hint:' || u.uuid || '@usersharedlines'
           END || E'\\n',
           '' ORDER BY qm.position, qm.ctid) AS lines
    FROM queuemember qm
    LEFT JOIN userfeatures u ON u.id = qm.userid
   WHERE qm.commented = 0 AND qm.usertype = 'user'
   GROUP BY qm.queue_name`;

/** The `member = …` lines of every queue that has enabled user-type members, by queue name. */
export async function findQueueMemberLines(): Promise<Map<string, string>> {
  const rows = await query<QueueMembersRow>(FIND_QUEUE_MEMBERS);
  return new Map(rows.map((row) => [row.queue_name, row.lines]));
}
