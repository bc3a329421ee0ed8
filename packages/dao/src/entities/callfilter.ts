import { EntitySchema } from 'typeorm';

export interface CallfilterRow {
  id: number;
  commented: number;
}

/** A boss-secretary call filter (`callfilter`): the columns the drivers read. */
export const Callfilter = new EntitySchema<CallfilterRow>({
  name: 'Callfilter',
  tableName: 'callfilter',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    commented: { type: 'integer', default: 0 },
  },
});
