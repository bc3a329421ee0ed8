import { EntitySchema } from 'typeorm';

export interface UserCustomRow {
  id: number;
  interface: string;
}

/** A custom line endpoint (`usercustom`): the columns the drivers read. */
export const UserCustom = new EntitySchema<UserCustomRow>({
  name: 'UserCustom',
  tableName: 'usercustom',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    interface: { type: 'varchar', length: 128 },
  },
});
