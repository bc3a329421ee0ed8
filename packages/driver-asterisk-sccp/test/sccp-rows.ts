/** INSERT statements for the tables sccp.conf reads, with only the columns a test cares about. */

type Value = string | number | boolean | null;

const literal = (value: Value) =>
  value === null ? 'NULL' : typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value);

export function insert(table: string, row: Record<string, Value>): string {
  return `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).map(literal).join(', ')})`;
}

export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';

export const TABLES = [
  'sccpgeneralsettings',
  'feature_extension',
  'sccpdevice',
  'sccpline',
  'linefeatures',
  'user_line',
  'userfeatures',
  'line_extension',
  'extensions',
  'voicemail',
  'func_key_mapping',
  'func_key_dest_custom',
  'pickup',
  'pickupmember',
  'groupfeatures',
  'queuefeatures',
  'queuemember',
];

export const setting = (id: number, name: string, value: string) =>
  insert('sccpgeneralsettings', { id, option_name: name, option_value: value });

export const voicemailConsult = (exten = '*98', enabled = true) =>
  insert('feature_extension', { feature: 'vmusermsg', exten, enabled });

export const device = (id: number, name: string, line = '', deviceId = name) =>
  insert('sccpdevice', { id, name, device: deviceId, line });

export interface SccpUser {
  /** userfeatures.id; also the id of its linefeatures, extensions and private template rows. */
  readonly id: number;
  /** sccpline.id, distinct from the linefeatures id on purpose. */
  readonly sccpId: number;
  readonly name: string;
  readonly exten?: string;
  readonly tenant?: string;
  readonly context?: string;
  readonly language?: string | null;
  readonly enableonlinerec?: number;
  readonly simultcalls?: number;
  readonly voicemailId?: number | null;
  readonly allow?: string | null;
  readonly disallow?: string | null;
  readonly commented?: number;
  readonly mainUser?: boolean;
  readonly mainExtension?: boolean;
}

/** A user with one SCCP line (`name` is the line name and caller id number) and its extension. */
export function sccpUser(user: SccpUser): string[] {
  const context = user.context ?? 'ctx-internal';
  const exten = user.exten ?? user.name;
  const tenant = user.tenant ?? TENANT_A;
  return [
    insert('userfeatures', {
      id: user.id,
      uuid: `00000000-0000-4000-8000-${String(user.id).padStart(12, '0')}`,
      tenant_uuid: tenant,
      func_key_private_template_id: user.id,
      language: user.language ?? null,
      enableonlinerec: user.enableonlinerec ?? 0,
      simultcalls: user.simultcalls ?? 5,
      voicemailid: user.voicemailId ?? null,
    }),
    insert('sccpline', {
      id: user.sccpId,
      tenant_uuid: tenant,
      name: user.name,
      cid_name: `User ${user.id}`,
      cid_num: user.name,
      allow: user.allow ?? null,
      disallow: user.disallow ?? null,
    }),
    insert('linefeatures', { id: user.id, name: `line${user.id}`, context, commented: user.commented ?? 0, endpoint_sccp_id: user.sccpId }),
    insert('user_line', { user_id: user.id, line_id: user.id, main_user: user.mainUser ?? true, main_line: true }),
    insert('extensions', { id: user.id, context, exten }),
    insert('line_extension', { line_id: user.id, extension_id: user.id, main_extension: user.mainExtension ?? true }),
  ];
}

export const voicemail = (uniqueid: number, mailbox: string) => insert('voicemail', { uniqueid, context: 'default', mailbox });

/** A custom function key at `position` on the private template of user `userId`. */
export const customKey = (userId: number, funcKeyId: number, position: number, exten: string, label: string | null, blf = true) => [
  insert('func_key_mapping', { template_id: userId, func_key_id: funcKeyId, destination_type_id: 10, label, position, blf }),
  insert('func_key_dest_custom', { func_key_id: funcKeyId, destination_type_id: 10, exten }),
];

export const pickup = (id: number, commented = 0) => insert('pickup', { id, tenant_uuid: TENANT_A, name: `pickup${id}`, commented });

export const pickupMember = (pickupId: number, category: 'member' | 'pickup', membertype: 'user' | 'group' | 'queue', memberId: number) =>
  insert('pickupmember', { pickupid: pickupId, category, membertype, memberid: memberId });
