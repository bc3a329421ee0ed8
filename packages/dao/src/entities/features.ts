import { EntitySchema } from 'typeorm';

/** One line of the static features.conf settings (`features`). */
export interface FeaturesRow {
  id: number;
  catMetric: number;
  varMetric: number;
  commented: number;
  filename: string;
  category: string;
  varName: string;
  varVal: string | null;
}

export const Features = new EntitySchema<FeaturesRow>({
  name: 'Features',
  tableName: 'features',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    catMetric: { name: 'cat_metric', type: 'integer', nullable: false, default: 0 },
    varMetric: { name: 'var_metric', type: 'integer', nullable: false, default: 0 },
    commented: { type: 'integer', nullable: false, default: 0 },
    filename: { type: 'varchar', length: 128, nullable: false },
    category: { type: 'varchar', length: 128, nullable: false },
    varName: { name: 'var_name', type: 'varchar', length: 128, nullable: false },
    varVal: { name: 'var_val', type: 'varchar', length: 255, nullable: true },
  },
  indices: [{ name: 'features__idx__category', columns: ['category'] }],
});
