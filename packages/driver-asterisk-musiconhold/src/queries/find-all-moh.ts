import { query } from '@wazo-confgend/dao';

/** A music-on-hold class, with the attribute names upstream's templates use. */
export interface MohClass {
  readonly uuid: string;
  readonly tenant_uuid: string;
  readonly name: string;
  readonly label: string;
  readonly mode: string;
  readonly application: string | null;
  readonly sort: string | null;
}

// Upstream reads moh with no ORDER BY, i.e. in the table's physical order. The key is a random
// uuid, so ordering by it would shuffle the classes; ctid states the physical order explicitly
// (insertion order, with an updated row moving to the end, exactly as a sequential scan sees it).
const FIND_ALL_MOH = `
  SELECT uuid, tenant_uuid, name, label, mode, application, sort
  FROM moh
  ORDER BY ctid`;

/** Every music-on-hold class of every tenant. */
export async function findAllMoh(): Promise<MohClass[]> {
  return query<MohClass>(FIND_ALL_MOH);
}
