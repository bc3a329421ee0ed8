import { query } from '@wazo-confgend/dao';

export interface IaxCallNumberLimit {
  readonly destination: string;
  readonly netmask: string;
  readonly calllimits: number;
}

// Every row, in physical order (upstream has no ORDER BY).
const FIND_IAX_CALL_NUMBER_LIMITS = `
  SELECT destination, netmask, calllimits
    FROM iaxcallnumberlimits
   ORDER BY ctid`;

export async function findIaxCallNumberLimits(): Promise<IaxCallNumberLimit[]> {
  return query<IaxCallNumberLimit>(FIND_IAX_CALL_NUMBER_LIMITS);
}
