import { query } from '@wazo-confgend/dao';
import type { TenantRecordingSettings } from './types.js';

interface TenantRow {
  uuid: string;
  record_start_announcement: string | null;
  record_stop_announcement: string | null;
}

/** The recording announcements of every tenant, by tenant uuid. */
export async function findTenantRecordingSettings(): Promise<Map<string, TenantRecordingSettings>> {
  const rows = await query<TenantRow>(
    'SELECT uuid, record_start_announcement, record_stop_announcement FROM tenant',
  );
  return new Map(
    rows.map((row) => [
      row.uuid,
      {
        uuid: row.uuid,
        recordStartAnnouncement: row.record_start_announcement,
        recordStopAnnouncement: row.record_stop_announcement,
      },
    ]),
  );
}
