import { EntitySchema } from 'typeorm';

/** One line of the static iax.conf `[general]` settings (`staticiax`): the columns the drivers read. */
export interface StaticIaxRow {
  id: number;
  commented: number;
  varName: string;
  varVal: string | null;
}

export const StaticIax = new EntitySchema<StaticIaxRow>({
  name: 'StaticIax',
  tableName: 'staticiax',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    commented: { type: 'integer', default: 0 },
    varName: { name: 'var_name', type: 'varchar', length: 128 },
    varVal: { name: 'var_val', type: 'varchar', length: 255, nullable: true },
  },
});
