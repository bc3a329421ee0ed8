import { query } from '@wazo-confgend/dao';

export interface SccpLineSettings {
  /** The `sccpline` id (upstream's WAZO_LINE_ID), not the `linefeatures` one. */
  readonly id: number;
  readonly tenant_uuid: string;
  readonly name: string;
  readonly cid_name: string;
  readonly cid_num: string;
  readonly allow: string | null;
  readonly disallow: string | null;
  readonly language: string | null;
  readonly user_id: number;
  /** The line's context (`linefeatures.context`). */
  readonly context: string;
  /** The main extension's number. */
  readonly number: string;
  readonly uuid: string;
  readonly enableonlinerec: number;
  readonly simultcalls: number;
}

export interface SccpDeviceSettings {
  readonly id: number;
  readonly name: string;
  readonly device: string;
  readonly line: string;
  /** The mailbox of the line's main user, when there is one. */
  readonly voicemail: string | null;
}

export interface SccpSpeeddial {
  readonly fknum: number;
  /** The key's label without newlines, tabs and semicolons; NULL when it has none. */
  readonly label: string | null;
  /** 1 when the key supervises its destination (BLF), else 0. */
  readonly supervision: number;
  /** The dialled number, without newlines, tabs and semicolons. */
  readonly exten: string;
  readonly user_id: number;
  /** The `sccpdevice.device` of the user's main line. */
  readonly device: string;
}

export interface SccpEndpoints {
  readonly lines: SccpLineSettings[];
  readonly devices: SccpDeviceSettings[];
  readonly speeddials: SccpSpeeddial[];
}

/** What upstream strips from labels and numbers: they would break the option line. */
const INVALID_CHARACTERS = '\n\r\t;';

/*
 * Upstream runs three queries that each join SCCP lines to their line and main user; here the
 * join is made once (sccp_line) and the three row sets come back as JSON arrays of positional
 * rows (the cheapest to build and to parse) from one statement. None of upstream's queries has
 * an ORDER BY: each set is in physical order of its first table, then of each joined row.
 * - lines: enabled SCCP lines with a main user and a main extension;
 * - devices: every device, with the mailbox reached through its line (matched by name, any line
 *   state) and the line's main user;
 * - speeddials: custom function keys of users' private templates, on an enabled SCCP main line
 *   with a device.
 */
const FIND_SCCP_ENDPOINTS = `
  WITH sccp_line AS MATERIALIZED (
    SELECT s.ctid AS sccpline_ctid, s.id, s.tenant_uuid, s.name, s.cid_name, s.cid_num, s.allow, s.disallow,
           lf.ctid AS line_ctid, lf.id AS line_id, lf.context, lf.commented,
           ul.ctid AS user_line_ctid, u.id AS user_id, u.uuid, u.language, u.enableonlinerec, u.simultcalls,
           u.voicemailid, u.func_key_private_template_id
      FROM sccpline s
      LEFT JOIN linefeatures lf ON lf.endpoint_sccp_id = s.id
      LEFT JOIN (user_line ul JOIN userfeatures u ON u.id = ul.user_id) ON ul.line_id = lf.id AND ul.main_user
  )
  SELECT
    (SELECT json_agg(json_build_array(l.id, l.tenant_uuid, l.name, l.cid_name, l.cid_num, l.allow, l.disallow,
                                      l.language, l.user_id, l.context, e.exten, l.uuid, l.enableonlinerec, l.simultcalls)
                     ORDER BY l.sccpline_ctid, l.line_ctid, l.user_line_ctid, le.ctid)
       FROM sccp_line l
       JOIN line_extension le ON le.line_id = l.line_id AND le.main_extension
       JOIN extensions e ON e.id = le.extension_id
      WHERE l.commented = 0 AND l.user_id IS NOT NULL) AS lines,
    (SELECT json_agg(json_build_array(d.id, d.name, d.device, d.line, v.mailbox)
                     ORDER BY d.ctid, l.sccpline_ctid, l.line_ctid, l.user_line_ctid)
       FROM sccpdevice d
       LEFT JOIN sccp_line l ON l.name = d.line
       LEFT JOIN voicemail v ON v.uniqueid = l.voicemailid) AS devices,
    (SELECT json_agg(json_build_array(fkm.position, translate(fkm.label, $1, ''), fkm.blf::integer,
                                      translate(c.exten, $1, ''), l.user_id, d.device)
                     ORDER BY fkm.ctid, c.ctid, l.user_line_ctid, l.sccpline_ctid, d.ctid)
       FROM sccp_line l
       JOIN func_key_mapping fkm ON fkm.template_id = l.func_key_private_template_id
       JOIN func_key_dest_custom c ON c.func_key_id = fkm.func_key_id
       JOIN sccpdevice d ON d.line = l.name
      WHERE l.commented = 0) AS speeddials`;

/** The positional rows of each JSON array, in the order the statement builds them. */
type LineRow = [
  id: number,
  tenant_uuid: string,
  name: string,
  cid_name: string,
  cid_num: string,
  allow: string | null,
  disallow: string | null,
  language: string | null,
  user_id: number,
  context: string,
  number: string,
  uuid: string,
  enableonlinerec: number,
  simultcalls: number,
];
type DeviceRow = [id: number, name: string, device: string, line: string, voicemail: string | null];
type SpeeddialRow = [fknum: number, label: string | null, supervision: number, exten: string, user_id: number, device: string];

interface EndpointsRow {
  lines: LineRow[] | null;
  devices: DeviceRow[] | null;
  speeddials: SpeeddialRow[] | null;
}

/** The lines, devices and speed dials sccp.conf writes, in one statement. */
export async function findSccpEndpoints(): Promise<SccpEndpoints> {
  const [row] = await query<EndpointsRow>(FIND_SCCP_ENDPOINTS, [INVALID_CHARACTERS]);
  return {
    lines: (row?.lines ?? []).map(lineOf),
    devices: distinctDeviceMailboxes((row?.devices ?? []).map(deviceOf)),
    speeddials: (row?.speeddials ?? []).map(speeddialOf),
  };
}

function lineOf([
  id,
  tenant_uuid,
  name,
  cid_name,
  cid_num,
  allow,
  disallow,
  language,
  user_id,
  context,
  number,
  uuid,
  enableonlinerec,
  simultcalls,
]: LineRow): SccpLineSettings {
  return { id, tenant_uuid, name, cid_name, cid_num, allow, disallow, language, user_id, context, number, uuid, enableonlinerec, simultcalls };
}

function deviceOf([id, name, device, line, voicemail]: DeviceRow): SccpDeviceSettings {
  return { id, name, device, line, voicemail };
}

function speeddialOf([fknum, label, supervision, exten, user_id, device]: SpeeddialRow): SccpSpeeddial {
  return { fknum, label, supervision, exten, user_id, device };
}

/**
 * A device whose line name matches several lines comes once per distinct mailbox: upstream's ORM
 * query keeps the first row of each (device, mailbox) pair.
 */
function distinctDeviceMailboxes(rows: readonly SccpDeviceSettings[]): SccpDeviceSettings[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.id}\u0000${row.voicemail ?? '\u0000'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
