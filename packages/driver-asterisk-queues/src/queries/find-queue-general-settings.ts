import { query } from '@wazo-confgend/dao';

export interface QueueGeneralSetting {
  readonly var_name: string;
  readonly var_val: string | null;
}

// No ORDER BY upstream: the physical order a sequential scan returns (an updated row moves to
// the end of the heap), stated with ctid.
const FIND_QUEUE_GENERAL_SETTINGS = `
  SELECT var_name, var_val
    FROM staticqueue
   WHERE commented = 0 AND category = 'general'
   ORDER BY ctid`;

/** The enabled `[general]` options of queues.conf. */
export async function findQueueGeneralSettings(): Promise<QueueGeneralSetting[]> {
  return query<QueueGeneralSetting>(FIND_QUEUE_GENERAL_SETTINGS);
}
