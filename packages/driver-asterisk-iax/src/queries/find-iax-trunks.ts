import { query } from '@wazo-confgend/dao';
import { TRUNK_OPTION_COLUMNS } from '../trunk-options.js';
import type { IaxTrunk } from '../trunk-options.js';

const optionColumns = TRUNK_OPTION_COLUMNS.map((column) => `"${column}"`).join(', ');

// Enabled trunk endpoints of every tenant, in physical order (upstream has no ORDER BY).
const FIND_IAX_TRUNKS = `
  SELECT name, ${optionColumns}, options
    FROM useriax
   WHERE commented = 0 AND category = 'trunk'
   ORDER BY ctid`;

export async function findIaxTrunks(): Promise<IaxTrunk[]> {
  return query<IaxTrunk>(FIND_IAX_TRUNKS);
}
