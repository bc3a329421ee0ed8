import { EntitySchema } from 'typeorm';

/** A parking lot (`parking_lot`): the columns the drivers read. */
export interface ParkingLotRow {
  id: number;
  tenantUuid: string;
  name: string | null;
  slotsStart: string;
  slotsEnd: string;
  timeout: number | null;
  musicOnHold: string | null;
}

export const ParkingLot = new EntitySchema<ParkingLotRow>({
  name: 'ParkingLot',
  tableName: 'parking_lot',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    name: { type: 'varchar', length: 128, nullable: true },
    slotsStart: { name: 'slots_start', type: 'varchar', length: 40 },
    slotsEnd: { name: 'slots_end', type: 'varchar', length: 40 },
    timeout: { type: 'integer', nullable: true },
    musicOnHold: { name: 'music_on_hold', type: 'varchar', length: 128, nullable: true },
  },
});
