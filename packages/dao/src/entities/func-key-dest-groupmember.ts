import { EntitySchema } from 'typeorm';

export interface FuncKeyDestGroupMemberRow {
  funcKeyId: number;
  destinationTypeId: number;
  groupId: number;
  featureExtensionUuid: string;
}

/** A function key joining or leaving a group (`func_key_dest_groupmember`). */
export const FuncKeyDestGroupMember = new EntitySchema<FuncKeyDestGroupMemberRow>({
  name: 'FuncKeyDestGroupMember',
  tableName: 'func_key_dest_groupmember',
  columns: {
    funcKeyId: { name: 'func_key_id', type: 'integer', primary: true },
    destinationTypeId: { name: 'destination_type_id', type: 'integer', primary: true, default: 13 },
    groupId: { name: 'group_id', type: 'integer' },
    featureExtensionUuid: { name: 'feature_extension_uuid', type: 'uuid' },
  },
});
