import { EntitySchema } from 'typeorm';

export interface NetifaceRow {
  id: number;
  networktype: 'data' | 'voip';
  address: string | null;
}

/** A network interface of the server (`netiface`): the columns provd/network.yml reads. */
export const Netiface = new EntitySchema<NetifaceRow>({
  name: 'Netiface',
  tableName: 'netiface',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    networktype: { type: 'enum', enum: ['data', 'voip'], enumName: 'netiface_networktype', nullable: false },
    address: { type: 'varchar', length: 39, nullable: true },
  },
});
