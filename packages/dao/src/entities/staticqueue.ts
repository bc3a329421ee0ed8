import { EntitySchema } from 'typeorm';

/** One line of the static queues.conf settings (`staticqueue`). */
export interface StaticQueueRow {
  id: number;
  catMetric: number;
  varMetric: number;
  commented: number;
  filename: string;
  category: string;
  varName: string;
  varVal: string | null;
}

export const StaticQueue = new EntitySchema<StaticQueueRow>({
  name: 'StaticQueue',
  tableName: 'staticqueue',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    catMetric: { name: 'cat_metric', type: 'integer', default: 0 },
    varMetric: { name: 'var_metric', type: 'integer', default: 0 },
    commented: { type: 'integer', default: 0 },
    filename: { type: 'varchar', length: 128 },
    category: { type: 'varchar', length: 128 },
    varName: { name: 'var_name', type: 'varchar', length: 128 },
    varVal: { name: 'var_val', type: 'varchar', length: 128, nullable: true },
  },
  indices: [{ name: 'staticqueue__idx__category', columns: ['category'] }],
});
