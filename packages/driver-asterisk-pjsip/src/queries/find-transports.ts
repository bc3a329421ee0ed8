import { query } from '@wazo-confgend/dao';
import type { PjsipTransportSettings, SipOption } from './types.js';

interface TransportOptionRow {
  uuid: string;
  name: string;
  key: string | null;
  value: string | null;
}

/**
 * Transports by name, sorted in SQL so the database collation decides as upstream's does; each
 * transport's options in physical order (upstream lazy-loads them without ORDER BY).
 */
export async function findPjsipTransports(): Promise<PjsipTransportSettings[]> {
  const rows = await query<TransportOptionRow>(
    `SELECT t.uuid, t.name, o.key, o.value
       FROM pjsip_transport t
       LEFT JOIN pjsip_transport_option o ON o.pjsip_transport_uuid = t.uuid
      ORDER BY t.name, t.uuid, o.ctid`,
  );
  const transports: { name: string; options: SipOption[] }[] = [];
  let lastUuid: string | null = null;
  for (const row of rows) {
    if (row.uuid !== lastUuid) {
      transports.push({ name: row.name, options: [] });
      lastUuid = row.uuid;
    }
    if (row.key !== null) transports.at(-1)?.options.push([row.key, row.value ?? '']);
  }
  return transports;
}
