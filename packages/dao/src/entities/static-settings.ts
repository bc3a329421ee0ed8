import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm';

/** One line of a static settings table (`features`, `staticqueue`, `staticvoicemail`, ...). */
export interface StaticSettingsRow {
  id: number;
  catMetric: number;
  varMetric: number;
  commented: number;
  filename: string;
  category: string;
  varName: string;
  varVal: string | null;
}

/**
 * Wazo keeps the static part of several Asterisk files in tables of one shape, indexed by
 * category; they differ only in the type of `var_val`.
 */
export function staticSettingsEntity(name: string, tableName: string, varVal: Pick<EntitySchemaColumnOptions, 'type' | 'length'>): EntitySchema<StaticSettingsRow> {
  return new EntitySchema<StaticSettingsRow>({
    name,
    tableName,
    columns: {
      id: { type: 'integer', primary: true, generated: 'increment' },
      catMetric: { name: 'cat_metric', type: 'integer', nullable: false, default: 0 },
      varMetric: { name: 'var_metric', type: 'integer', nullable: false, default: 0 },
      commented: { type: 'integer', nullable: false, default: 0 },
      filename: { type: 'varchar', length: 128, nullable: false },
      category: { type: 'varchar', length: 128, nullable: false },
      varName: { name: 'var_name', type: 'varchar', length: 128, nullable: false },
      varVal: { name: 'var_val', nullable: true, ...varVal },
    },
    indices: [{ name: `${tableName}__idx__category`, columns: ['category'] }],
  });
}
