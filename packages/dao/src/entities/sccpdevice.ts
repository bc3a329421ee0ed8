import { EntitySchema } from 'typeorm';

/** An SCCP phone (`sccpdevice`); `line` names its `sccpline`, empty when it has none. */
export interface SccpDeviceRow {
  id: number;
  name: string;
  device: string;
  line: string;
}

export const SccpDevice = new EntitySchema<SccpDeviceRow>({
  name: 'SccpDevice',
  tableName: 'sccpdevice',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 80 },
    device: { type: 'varchar', length: 80 },
    line: { type: 'varchar', length: 80, default: '' },
  },
});
