import { EntitySchema } from 'typeorm';

export interface CallfiltermemberRow {
  id: number;
  callfilterid: number;
  typeval: string;
}

/** A boss or secretary of a call filter (`callfiltermember`): the columns the drivers read. */
export const Callfiltermember = new EntitySchema<CallfiltermemberRow>({
  name: 'Callfiltermember',
  tableName: 'callfiltermember',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    callfilterid: { type: 'integer', default: 0 },
    typeval: { type: 'varchar', length: 128, default: '0' },
  },
});
