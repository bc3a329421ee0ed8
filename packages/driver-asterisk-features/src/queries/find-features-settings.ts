import { query } from '@wazo-confgend/dao';

export interface FeatureOption {
  readonly name: string;
  readonly value: string | null;
}

/** The enabled features.conf options, per section, in the order upstream writes them. */
export interface FeaturesSettings {
  readonly general: readonly FeatureOption[];
  readonly featuremap: readonly FeatureOption[];
  readonly applicationmap: readonly FeatureOption[];
}

interface FeatureRow {
  readonly category: 'general' | 'featuremap' | 'applicationmap';
  readonly var_name: string;
  readonly var_val: string | null;
}

// Upstream has no ORDER BY here, so a sequential scan's heap order decides (a dump keeps it, and
// an updated row moves to the end): ctid states that order, where the id would not after an edit.
const FIND_FEATURES = `
  SELECT category, var_name, var_val
  FROM features
  WHERE commented = 0 AND category IN ('general', 'featuremap', 'applicationmap')
  ORDER BY ctid`;

/**
 * Reads the `features` rows. As upstream does, each featuremap `disconnect` key is also offered as
 * a general `atxferabort` option, appended to the general list at the point the row is met (after
 * the general rows read so far: in practice, after all of them).
 */
export async function findFeaturesSettings(): Promise<FeaturesSettings> {
  const general: FeatureOption[] = [];
  const featuremap: FeatureOption[] = [];
  const applicationmap: FeatureOption[] = [];
  for (const row of await query<FeatureRow>(FIND_FEATURES)) {
    const option = { name: row.var_name, value: row.var_val };
    if (row.category === 'general') general.push(option);
    else if (row.category === 'applicationmap') applicationmap.push(option);
    else {
      featuremap.push(option);
      if (row.var_name === 'disconnect') general.push({ name: 'atxferabort', value: row.var_val });
    }
  }
  return { general, featuremap, applicationmap };
}
