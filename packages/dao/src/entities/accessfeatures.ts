import { EntitySchema } from 'typeorm';

export interface AccessFeaturesRow {
  id: number;
  host: string;
  commented: number;
  feature: string;
}

/** A host allowed to use a feature (`accessfeatures`; the only feature is `phonebook`). */
export const AccessFeatures = new EntitySchema<AccessFeaturesRow>({
  name: 'AccessFeatures',
  tableName: 'accessfeatures',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    host: { type: 'varchar', length: 255, nullable: false, default: '' },
    commented: { type: 'integer', nullable: false, default: 0 },
    feature: { type: 'varchar', length: 64, nullable: false, default: 'phonebook' },
  },
  uniques: [{ name: 'accessfeatures_host_feature_key', columns: ['host', 'feature'] }],
});
