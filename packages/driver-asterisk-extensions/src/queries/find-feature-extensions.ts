import { query } from '@wazo-confgend/dao';

export interface FeatureExtensionRow {
  readonly feature: string;
  readonly exten: string;
  readonly enabled: boolean;
}

// Every use upstream makes of the table is answered from this one list: it orders by exten where
// it orders at all, and its other look-ups are by feature name.
const FIND_FEATURE_EXTENSIONS = `
  SELECT feature, exten, enabled
  FROM feature_extension
  ORDER BY exten, ctid`;

export async function findFeatureExtensions(): Promise<FeatureExtensionRow[]> {
  return query<FeatureExtensionRow>(FIND_FEATURE_EXTENSIONS);
}
