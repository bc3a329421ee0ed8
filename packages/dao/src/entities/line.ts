import { EntitySchema } from 'typeorm';

export interface LineFeaturesRow {
  id: number;
  name: string | null;
  context: string;
  applicationUuid: string | null;
  commented: number;
  endpointSipUuid: string | null;
  endpointSccpId: number | null;
  endpointCustomId: number | null;
}

export interface UserLineRow {
  userId: number;
  lineId: number;
  mainUser: boolean;
  mainLine: boolean;
}

export interface LineExtensionRow {
  lineId: number;
  extensionId: number;
  mainExtension: boolean;
}

/** A line (`linefeatures`): the columns the drivers read. */
export const LineFeatures = new EntitySchema<LineFeaturesRow>({
  name: 'LineFeatures',
  tableName: 'linefeatures',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 128, nullable: true },
    context: { type: 'varchar', length: 79 },
    applicationUuid: { name: 'application_uuid', type: 'varchar', length: 36, nullable: true },
    commented: { type: 'integer', default: 0 },
    endpointSipUuid: { name: 'endpoint_sip_uuid', type: 'uuid', nullable: true },
    endpointSccpId: { name: 'endpoint_sccp_id', type: 'integer', nullable: true },
    endpointCustomId: { name: 'endpoint_custom_id', type: 'integer', nullable: true },
  },
});

/** Which users a line belongs to (`user_line`). */
export const UserLine = new EntitySchema<UserLineRow>({
  name: 'UserLine',
  tableName: 'user_line',
  columns: {
    userId: { name: 'user_id', type: 'integer', primary: true },
    lineId: { name: 'line_id', type: 'integer', primary: true },
    mainUser: { name: 'main_user', type: 'boolean' },
    mainLine: { name: 'main_line', type: 'boolean' },
  },
});

/** Which extensions reach a line (`line_extension`). */
export const LineExtension = new EntitySchema<LineExtensionRow>({
  name: 'LineExtension',
  tableName: 'line_extension',
  columns: {
    lineId: { name: 'line_id', type: 'integer', primary: true },
    extensionId: { name: 'extension_id', type: 'integer', primary: true },
    mainExtension: { name: 'main_extension', type: 'boolean' },
  },
});
