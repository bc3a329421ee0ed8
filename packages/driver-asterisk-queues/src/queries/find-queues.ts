import { query } from '@wazo-confgend/dao';
import { QUEUE_OPTION_COLUMNS } from '../queue-options.js';
import type { QueueOptionColumn, QueueOptionValue } from '../queue-options.js';

export type QueueSettings = Readonly<Record<QueueOptionColumn, QueueOptionValue>> & {
  readonly name: string;
  /** The group's label or the queue's display name; NULL when that row is missing. */
  readonly label: string | null;
};

const quotedColumns = QUEUE_OPTION_COLUMNS.map((column) => `q."${column}"`).join(', ');

// Upstream reads queues with no ORDER BY, so they come in physical order (ctid). A group's
// label comes from groupfeatures, a queue's from queuefeatures, both matched by name; the name
// is not unique in groupfeatures, so the first such row in table order is taken.
const FIND_QUEUES = `
  SELECT q.name,
         CASE q.category
           WHEN 'group' THEN (SELECT g.label FROM groupfeatures g WHERE g.name = q.name ORDER BY g.ctid LIMIT 1)
           WHEN 'queue' THEN (SELECT f.displayname FROM queuefeatures f WHERE f.name = q.name)
         END AS label,
         ${quotedColumns}
    FROM queue q
   WHERE q.commented = 0
   ORDER BY q.ctid`;

/** Every enabled queue and group queue, of every tenant. */
export async function findQueues(): Promise<QueueSettings[]> {
  return query<QueueSettings>(FIND_QUEUES);
}
