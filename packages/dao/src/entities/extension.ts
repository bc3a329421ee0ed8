import { EntitySchema } from 'typeorm';

export interface ExtensionRow {
  id: number;
  commented: number;
  context: string;
  exten: string;
}

/** A dialable number in a context (`extensions`): the columns the drivers read. */
export const Extension = new EntitySchema<ExtensionRow>({
  name: 'Extension',
  tableName: 'extensions',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    commented: { type: 'integer', default: 0 },
    context: { type: 'varchar', length: 79, default: '' },
    exten: { type: 'varchar', length: 40, default: '' },
  },
  uniques: [{ columns: ['exten', 'context'] }],
});
