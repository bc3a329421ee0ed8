import { EntitySchema } from 'typeorm';

export interface InfosRow {
  uuid: string;
}

/** The installation's identity (`infos`, one row): the column wazo/uuid.yml reads. */
export const Infos = new EntitySchema<InfosRow>({
  name: 'Infos',
  tableName: 'infos',
  columns: {
    uuid: { type: 'varchar', length: 38, primary: true },
  },
});
