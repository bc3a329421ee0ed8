import { EntitySchema } from 'typeorm';

export interface FuncKeyDestServiceRow {
  funcKeyId: number;
  destinationTypeId: number;
  featureExtensionUuid: string;
}

/** A function key toggling a service feature (`func_key_dest_service`). */
export const FuncKeyDestService = new EntitySchema<FuncKeyDestServiceRow>({
  name: 'FuncKeyDestService',
  tableName: 'func_key_dest_service',
  columns: {
    funcKeyId: { name: 'func_key_id', type: 'integer', primary: true },
    destinationTypeId: { name: 'destination_type_id', type: 'integer', primary: true, default: 5 },
    featureExtensionUuid: { name: 'feature_extension_uuid', type: 'uuid', primary: true },
  },
});
