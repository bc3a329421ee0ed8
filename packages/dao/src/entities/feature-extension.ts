import { EntitySchema } from 'typeorm';

export interface FeatureExtensionRow {
  uuid: string;
  enabled: boolean;
  exten: string;
  feature: string;
}

/** The extension dialled for a service feature (`feature_extension`). */
export const FeatureExtension = new EntitySchema<FeatureExtensionRow>({
  name: 'FeatureExtension',
  tableName: 'feature_extension',
  columns: {
    uuid: { type: 'uuid', primary: true, default: () => 'uuid_generate_v4()' },
    enabled: { type: 'boolean', default: true },
    exten: { type: 'varchar', length: 40, unique: true },
    feature: { type: 'varchar', length: 255 },
  },
});
