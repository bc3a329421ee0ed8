import { EntitySchema } from 'typeorm';

export interface FuncKeyDestForwardRow {
  funcKeyId: number;
  destinationTypeId: number;
  featureExtensionUuid: string;
  number: string | null;
}

/** A function key setting a call forward (`func_key_dest_forward`). */
export const FuncKeyDestForward = new EntitySchema<FuncKeyDestForwardRow>({
  name: 'FuncKeyDestForward',
  tableName: 'func_key_dest_forward',
  columns: {
    funcKeyId: { name: 'func_key_id', type: 'integer', primary: true },
    destinationTypeId: { name: 'destination_type_id', type: 'integer', primary: true, default: 6 },
    featureExtensionUuid: { name: 'feature_extension_uuid', type: 'uuid', primary: true },
    number: { type: 'varchar', length: 40, nullable: true },
  },
});
