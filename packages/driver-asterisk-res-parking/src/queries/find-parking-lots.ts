import { query } from '@wazo-confgend/dao';

/** A parking lot that has an extension to park on, as res_parking.conf needs it. */
export interface ParkingLotSettings {
  readonly id: number;
  readonly slotsStart: string;
  readonly slotsEnd: string;
  readonly timeout: number | null;
  readonly musicOnHold: string | null;
  /** Of the lot's first `parking` extension. */
  readonly exten: string;
  readonly context: string;
}

// Every tenant's lots, with no ORDER BY upstream: heap order, stated with ctid (an edited lot
// moves to the end). A lot's extensions are the `parking` ones whose typeval is its id as text
// (commented or not); upstream takes the first one its unordered query returns, which is the
// first in physical order whatever the plan (equal index keys are kept in heap order). A lot
// without extension is not written, so the inner join drops it.
const FIND_PARKING_LOTS = `
  WITH first_extension AS (
    SELECT DISTINCT ON (typeval) typeval, exten, context
    FROM extensions
    WHERE type = 'parking'
    ORDER BY typeval, ctid
  )
  SELECT parking_lot.id,
         parking_lot.slots_start AS "slotsStart",
         parking_lot.slots_end AS "slotsEnd",
         parking_lot.timeout,
         parking_lot.music_on_hold AS "musicOnHold",
         first_extension.exten,
         first_extension.context
  FROM parking_lot
  JOIN first_extension ON first_extension.typeval = parking_lot.id::varchar
  ORDER BY parking_lot.ctid`;

/** The parking lots of every tenant that have a parking extension, in physical order. */
export async function findParkingLots(): Promise<ParkingLotSettings[]> {
  return query<ParkingLotSettings>(FIND_PARKING_LOTS);
}
