import { query } from '../session/session-scope.js';
import type { LineUserSettings, SipLineSettings } from './types.js';

/** The lowest template priority of each endpoint: where upstream's sorted result first meets it. */
export const TEMPLATE_RANK = `
  template_rank AS (
    SELECT child_uuid, min(priority) AS priority FROM endpoint_sip_template GROUP BY child_uuid
  )`;

interface LineRow {
  id: number;
  endpoint_sip_uuid: string;
  context: string;
  application_uuid: string | null;
}

interface LineUserRow {
  line_id: number;
  id: number;
  uuid: string;
  enableonlinerec: number;
  simultcalls: number;
  mailbox: string | null;
  voicemail_context: string | null;
}

interface LineExtensionRow {
  line_id: number;
  exten: string;
  context: string;
}

/**
 * Every line with a SIP endpoint, commented or not (upstream does not filter them), with its users
 * and first extension: three queries.
 *
 * Order: upstream eager-loads templates, extensions and users in one joined query whose ORDER BY is
 * the relationships' own ordering (template priority ASC, main_extension DESC, main_user DESC, in
 * the mapper's property order) and keeps each line at its first row. So a line without templates
 * comes after those with one, and, within one priority, a line without extension or user (NULL
 * sorts first when descending) comes first. Remaining ties: line id.
 */
export async function findSipLines(): Promise<SipLineSettings[]> {
  const lineRows = await query<LineRow>(
    `WITH ${TEMPLATE_RANK},
     extension_rank AS (SELECT line_id, bool_or(main_extension) AS main FROM line_extension GROUP BY line_id),
     user_rank AS (SELECT line_id, bool_or(main_user) AS main FROM user_line GROUP BY line_id)
     SELECT lf.id, lf.endpoint_sip_uuid, lf.context, lf.application_uuid
       FROM linefeatures lf
       LEFT JOIN template_rank tr ON tr.child_uuid = lf.endpoint_sip_uuid
       LEFT JOIN extension_rank er ON er.line_id = lf.id
       LEFT JOIN user_rank ur ON ur.line_id = lf.id
      WHERE lf.endpoint_sip_uuid IS NOT NULL
      ORDER BY tr.priority ASC NULLS LAST, er.main DESC NULLS FIRST, ur.main DESC NULLS FIRST, lf.id`,
  );
  const userRows = await query<LineUserRow>(
    `SELECT ul.line_id, u.id, u.uuid, u.enableonlinerec, u.simultcalls, v.mailbox, v.context AS voicemail_context
       FROM user_line ul
       JOIN linefeatures lf ON lf.id = ul.line_id
       JOIN userfeatures u ON u.id = ul.user_id
       LEFT JOIN voicemail v ON v.uniqueid = u.voicemailid
      WHERE lf.endpoint_sip_uuid IS NOT NULL
      ORDER BY ul.line_id, ul.main_user DESC, ul.ctid`,
  );
  const extensionRows = await query<LineExtensionRow>(
    `SELECT DISTINCT ON (le.line_id) le.line_id, e.exten, e.context
       FROM line_extension le
       JOIN linefeatures lf ON lf.id = le.line_id
       JOIN extensions e ON e.id = le.extension_id
      WHERE lf.endpoint_sip_uuid IS NOT NULL
      ORDER BY le.line_id, le.main_extension DESC, le.ctid`,
  );

  const usersByLine = new Map<number, LineUserSettings[]>();
  for (const row of userRows) {
    const user: LineUserSettings = {
      id: row.id,
      uuid: row.uuid,
      enableonlinerec: row.enableonlinerec,
      simultcalls: row.simultcalls,
      voicemail:
        row.mailbox === null || row.voicemail_context === null
          ? null
          : { mailbox: row.mailbox, context: row.voicemail_context },
    };
    const list = usersByLine.get(row.line_id);
    if (list) list.push(user);
    else usersByLine.set(row.line_id, [user]);
  }
  const extensionByLine = new Map(extensionRows.map((row) => [row.line_id, { exten: row.exten, context: row.context }]));

  return lineRows.map((row) => ({
    id: row.id,
    endpointUuid: row.endpoint_sip_uuid,
    context: row.context,
    applicationUuid: row.application_uuid,
    users: usersByLine.get(row.id) ?? [],
    firstExtension: extensionByLine.get(row.id) ?? null,
  }));
}
