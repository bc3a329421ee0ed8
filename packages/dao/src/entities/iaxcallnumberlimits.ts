import { EntitySchema } from 'typeorm';

/** A call number limit for a network (`iaxcallnumberlimits`). */
export interface IaxCallNumberLimitsRow {
  id: number;
  destination: string;
  netmask: string;
  calllimits: number;
}

export const IaxCallNumberLimits = new EntitySchema<IaxCallNumberLimitsRow>({
  name: 'IaxCallNumberLimits',
  tableName: 'iaxcallnumberlimits',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    destination: { type: 'varchar', length: 39 },
    netmask: { type: 'varchar', length: 39 },
    calllimits: { type: 'integer', default: 0 },
  },
});
