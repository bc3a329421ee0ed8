import { EntitySchema } from 'typeorm';

export interface FuncKeyMappingRow {
  templateId: number;
  funcKeyId: number;
  destinationTypeId: number;
  label: string | null;
  position: number;
  blf: boolean;
}

/** A function key placed on a function key template (`func_key_mapping`): the columns the drivers read. */
export const FuncKeyMapping = new EntitySchema<FuncKeyMappingRow>({
  name: 'FuncKeyMapping',
  tableName: 'func_key_mapping',
  columns: {
    templateId: { name: 'template_id', type: 'integer', primary: true },
    funcKeyId: { name: 'func_key_id', type: 'integer', primary: true },
    destinationTypeId: { name: 'destination_type_id', type: 'integer', primary: true },
    label: { type: 'varchar', length: 128, nullable: true },
    // No default in Wazo (each key has its place); 1 keeps rows that do not care insertable.
    position: { type: 'integer', default: 1 },
    blf: { type: 'boolean', default: true },
  },
});
