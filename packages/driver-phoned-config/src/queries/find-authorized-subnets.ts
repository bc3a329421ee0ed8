import { query } from '@wazo-confgend/dao';

// Upstream has no ORDER BY here: a sequential scan's order, which ORDER BY ctid names.
const FIND_AUTHORIZED_SUBNETS = `
  SELECT host
  FROM accessfeatures
  WHERE feature = 'phonebook' AND commented = 0
  ORDER BY accessfeatures.ctid`;

/** The enabled hosts allowed to use the phonebook, in the table's physical order. */
export async function findAuthorizedSubnets(): Promise<string[]> {
  return (await query<{ host: string }>(FIND_AUTHORIZED_SUBNETS)).map((row) => row.host);
}
