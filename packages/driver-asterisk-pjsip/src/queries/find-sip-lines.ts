import { query } from '@wazo-confgend/dao';
import type { LineUserSettings, SipLineSettings } from './types.js';

interface LineUserRow {
  id: number;
  endpoint_sip_uuid: string;
  context: string;
  application_uuid: string | null;
  exten: string | null;
  exten_context: string | null;
  /** The user columns are null for a line without users. */
  user_id: number | null;
  user_uuid: string | null;
  enableonlinerec: number | null;
  simultcalls: number | null;
  mailbox: string | null;
  voicemail_context: string | null;
}

/**
 * Every line with a SIP endpoint, commented or not (upstream does not filter them), with its users
 * and first extension, in one query: a row per line and user, the rows of a line together.
 *
 * Order: upstream eager-loads templates, extensions and users in one joined query whose ORDER BY is
 * the relationships' own ordering (template priority ASC, main_extension DESC, main_user DESC, in
 * the mapper's property order) and keeps each line at its first row. So a line without templates
 * comes after those with one, and, within one priority, a line without extension or user (NULL
 * sorts first when descending) comes first. Remaining ties: line id. The first extension (main one
 * first, then physical order) also tells whether the line has a main extension. A line's users:
 * main user first, then physical order.
 */
export async function findSipLines(): Promise<SipLineSettings[]> {
  const rows = await query<LineUserRow>(
    `WITH template_rank AS (
       SELECT child_uuid, min(priority) AS priority FROM endpoint_sip_template GROUP BY child_uuid
     ),
     user_rank AS (SELECT line_id, bool_or(main_user) AS main FROM user_line GROUP BY line_id),
     first_extension AS (
       SELECT DISTINCT ON (line_id) line_id, extension_id, main_extension
         FROM line_extension
        ORDER BY line_id, main_extension DESC, ctid
     )
     SELECT lf.id, lf.endpoint_sip_uuid, lf.context, lf.application_uuid, e.exten, e.context AS exten_context,
            u.id AS user_id, u.uuid AS user_uuid, u.enableonlinerec, u.simultcalls,
            v.mailbox, v.context AS voicemail_context
       FROM linefeatures lf
       LEFT JOIN template_rank tr ON tr.child_uuid = lf.endpoint_sip_uuid
       LEFT JOIN first_extension fe ON fe.line_id = lf.id
       LEFT JOIN extensions e ON e.id = fe.extension_id
       LEFT JOIN user_rank ur ON ur.line_id = lf.id
       LEFT JOIN user_line ul ON ul.line_id = lf.id
       LEFT JOIN userfeatures u ON u.id = ul.user_id
       LEFT JOIN voicemail v ON v.uniqueid = u.voicemailid
      WHERE lf.endpoint_sip_uuid IS NOT NULL
      ORDER BY tr.priority ASC NULLS LAST, fe.main_extension DESC NULLS FIRST, ur.main DESC NULLS FIRST, lf.id,
               ul.main_user DESC, ul.ctid`,
  );

  const lines: SipLineSettings[] = [];
  let users: LineUserSettings[] = [];
  let lastId: number | null = null;
  for (const row of rows) {
    if (row.id !== lastId) {
      lastId = row.id;
      users = [];
      lines.push({
        id: row.id,
        endpointUuid: row.endpoint_sip_uuid,
        context: row.context,
        applicationUuid: row.application_uuid,
        users,
        firstExtension: row.exten === null || row.exten_context === null ? null : { exten: row.exten, context: row.exten_context },
      });
    }
    if (row.user_id === null || row.user_uuid === null) continue;
    users.push({
      id: row.user_id,
      uuid: row.user_uuid,
      enableonlinerec: row.enableonlinerec ?? 0,
      simultcalls: row.simultcalls ?? 0,
      voicemail:
        row.mailbox === null || row.voicemail_context === null ? null : { mailbox: row.mailbox, context: row.voicemail_context },
    });
  }
  return lines;
}
