import { query } from '@wazo-confgend/dao';

// Upstream reads the first `infos` row with no ORDER BY: a sequential scan's first row.
const FIND_INFOS_UUID = `SELECT uuid FROM infos ORDER BY infos.ctid LIMIT 1`;

/** The installation's UUID, or null when `infos` has no row. */
export async function findInfosUuid(): Promise<string | null> {
  const [row] = await query<{ uuid: string }>(FIND_INFOS_UUID);
  return row?.uuid ?? null;
}
