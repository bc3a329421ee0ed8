import { query } from '@wazo-confgend/dao';

/**
 * Not pjsip.conf: the least any pjsip.conf generator must do — read every SIP section option once
 * and write one line per option. Its time is the floor the real driver is compared with, and
 * it keeps the benchmark usable while no built driver is available.
 */
export class FloorDriver {
  async generate() {
    const rows = await query(
      `SELECT e.name, s.type::text AS type, o.key, o.value
         FROM endpoint_sip e
         JOIN endpoint_sip_section s ON s.endpoint_sip_uuid = e.uuid
         JOIN endpoint_sip_section_option o ON o.endpoint_sip_section_uuid = s.uuid
        ORDER BY e.name, s.type`,
    );
    const out = [];
    let section = '';
    for (const row of rows) {
      const name = `${row.name}:${row.type}`;
      if (name !== section) {
        out.push(section ? `\n[${name}]` : `[${name}]`);
        section = name;
      }
      out.push(`${row.key} = ${row.value}`);
    }
    return `${out.join('\n')}\n`;
  }
}
