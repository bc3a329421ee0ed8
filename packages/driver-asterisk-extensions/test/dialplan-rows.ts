/** INSERT statements for the tables extensions.conf reads, with only the columns a test cares about. */

const literal = (value: string | number | boolean | null) =>
  value === null ? 'NULL' : typeof value === 'string' ? `'${value.replaceAll("'", "''")}'` : String(value);

/** `INSERT INTO table (columns) VALUES (...)` for one row. */
export function insertRow(table: string, row: Record<string, string | number | boolean | null>): string {
  return `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.values(row).map(literal).join(', ')})`;
}

export const TENANT_A = 'aaaaaaaa-0000-4000-8000-00000000000a';
export const TENANT_B = 'bbbbbbbb-0000-4000-8000-00000000000b';

export const context = (id: number, name: string, contexttype = 'internal', tenant = TENANT_A, commented = 0) =>
  insertRow('context', { id, name, contexttype, tenant_uuid: tenant, commented });

export const include = (contextName: string, included: string, priority: number) =>
  insertRow('contextinclude', { context: contextName, include: included, priority });

export const extension = (id: number, contextName: string, exten: string, type: string, typeval: string, commented = 0) =>
  insertRow('extensions', { id, context: contextName, exten, type, typeval, commented });

export const feature = (feature: string, exten: string, enabled = true) => insertRow('feature_extension', { feature, exten, enabled });

/** The forward features upstream requires, disabled so that they add nothing. */
export const REQUIRED_FEATURES = [feature('fwdbusy', '_*23.', false), feature('fwdrna', '_*22.', false), feature('fwdunc', '_*21.', false)];

export const user = (id: number, uuid: string, options: { enablehint?: number; template?: number; tenant?: string } = {}) =>
  insertRow('userfeatures', {
    id,
    uuid,
    tenant_uuid: options.tenant ?? TENANT_A,
    enablehint: options.enablehint ?? 1,
    func_key_private_template_id: options.template ?? id,
  });

export type Endpoint = { sip: string } | { sccp: number } | { custom: number } | null;

export function line(id: number, name: string, endpoint: Endpoint, commented = 0): string {
  return insertRow('linefeatures', {
    id,
    name,
    context: 'unused',
    commented,
    endpoint_sip_uuid: endpoint && 'sip' in endpoint ? endpoint.sip : null,
    endpoint_sccp_id: endpoint && 'sccp' in endpoint ? endpoint.sccp : null,
    endpoint_custom_id: endpoint && 'custom' in endpoint ? endpoint.custom : null,
  });
}

export const sipEndpoint = (uuid: string, name: string) => insertRow('endpoint_sip', { uuid, name, tenant_uuid: TENANT_A });
export const sccpLine = (id: number, name: string) => insertRow('sccpline', { id, name });
export const customEndpoint = (id: number, iface: string) => insertRow('usercustom', { id, interface: iface });

export const userLine = (userId: number, lineId: number, mainUser = true, mainLine = true) =>
  insertRow('user_line', { user_id: userId, line_id: lineId, main_user: mainUser, main_line: mainLine });

export const lineExtension = (lineId: number, extensionId: number, mainExtension = true) =>
  insertRow('line_extension', { line_id: lineId, extension_id: extensionId, main_extension: mainExtension });

export const funcKeyMapping = (templateId: number, funcKeyId: number, destinationTypeId: number, blf = true) =>
  insertRow('func_key_mapping', { template_id: templateId, func_key_id: funcKeyId, destination_type_id: destinationTypeId, blf });

