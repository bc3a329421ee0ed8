export type { Dataset, DatasetLink, DatasetRow, DatasetTable, DatasetValue } from './dataset.js';
export { DEMO_DATASET } from './demo-dataset.js';
export { DEMO_DATABASE_NAME, startDemoDatabase, type DemoDatabase, type DemoDatabaseOptions } from './demo-database.js';
export { loadDataset, type DatasetLoadReport } from './load-dataset.js';
