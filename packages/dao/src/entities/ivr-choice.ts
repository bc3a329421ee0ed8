import { EntitySchema } from 'typeorm';

export interface IvrChoiceRow {
  id: number;
  ivrId: number;
  exten: string;
}

/** A key of an interactive voice menu (`ivr_choice`); its destination is a dialaction. */
export const IvrChoice = new EntitySchema<IvrChoiceRow>({
  name: 'IvrChoice',
  tableName: 'ivr_choice',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    ivrId: { name: 'ivr_id', type: 'integer' },
    exten: { type: 'varchar', length: 40 },
  },
});
