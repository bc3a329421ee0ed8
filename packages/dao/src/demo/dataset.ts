/** One value of a dataset row, sent to PostgreSQL as a query parameter. */
export type DatasetValue = string | number | boolean | null;

export type DatasetRow = Readonly<Record<string, DatasetValue>>;

/** Rows of one table, named by the real Wazo schema's column names. */
export interface DatasetTable {
  readonly table: string;
  readonly rows: readonly DatasetRow[];
}

/** A row updated once every table is loaded: the links that would otherwise form a foreign-key cycle. */
export interface DatasetLink {
  readonly table: string;
  readonly key: DatasetRow;
  readonly set: DatasetRow;
}

/** Tables in foreign-key order (parents first), then the links that close cycles. */
export interface Dataset {
  readonly tables: readonly DatasetTable[];
  readonly links: readonly DatasetLink[];
}
