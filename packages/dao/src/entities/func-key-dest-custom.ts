import { EntitySchema } from 'typeorm';

export interface FuncKeyDestCustomRow {
  funcKeyId: number;
  destinationTypeId: number;
  exten: string;
}

/** A function key dialling a free extension (`func_key_dest_custom`). */
export const FuncKeyDestCustom = new EntitySchema<FuncKeyDestCustomRow>({
  name: 'FuncKeyDestCustom',
  tableName: 'func_key_dest_custom',
  columns: {
    funcKeyId: { name: 'func_key_id', type: 'integer', primary: true },
    destinationTypeId: { name: 'destination_type_id', type: 'integer', primary: true, default: 10 },
    exten: { type: 'varchar', length: 40 },
  },
});
