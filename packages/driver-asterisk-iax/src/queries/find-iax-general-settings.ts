import { query } from '@wazo-confgend/dao';

export interface IaxGeneralSetting {
  readonly var_name: string;
  readonly var_val: string | null;
}

// Upstream filters on `commented` only (no category or filename) and has no ORDER BY: physical
// order, stated with ctid.
const FIND_IAX_GENERAL_SETTINGS = `
  SELECT var_name, var_val
    FROM staticiax
   WHERE commented = 0
   ORDER BY ctid`;

/** The enabled `staticiax` rows, `register` lines included. */
export async function findIaxGeneralSettings(): Promise<IaxGeneralSetting[]> {
  return query<IaxGeneralSetting>(FIND_IAX_GENERAL_SETTINGS);
}
