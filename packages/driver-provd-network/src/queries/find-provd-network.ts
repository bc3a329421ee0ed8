import { query } from '@wazo-confgend/dao';

/** What provd/network.yml is made of; every field is null when its row is missing. */
export interface ProvdNetwork {
  readonly http_base_url: string | null;
  readonly net4_ip: string | null;
  readonly http_port: number | null;
  /** The address of the first VoIP interface. */
  readonly voip_address: string | null;
}

// Upstream takes the first row of `provisioning` and the first VoIP row of `netiface` with no
// ORDER BY: a sequential scan's first row, which ORDER BY ctid names. One statement reads both.
const FIND_PROVD_NETWORK = `
  SELECT settings.http_base_url, settings.net4_ip, settings.http_port, voip.address AS voip_address
  FROM (VALUES (1)) AS one_row
  LEFT JOIN LATERAL (
    SELECT http_base_url, net4_ip, http_port FROM provisioning ORDER BY provisioning.ctid LIMIT 1
  ) AS settings ON true
  LEFT JOIN LATERAL (
    SELECT address FROM netiface WHERE networktype = 'voip' ORDER BY netiface.ctid LIMIT 1
  ) AS voip ON true`;

export async function findProvdNetwork(): Promise<ProvdNetwork> {
  const [row] = await query<ProvdNetwork>(FIND_PROVD_NETWORK);
  return row ?? { http_base_url: null, net4_ip: null, http_port: null, voip_address: null };
}
