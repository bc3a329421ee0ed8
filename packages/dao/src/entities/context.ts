import { EntitySchema } from 'typeorm';

export interface ContextRow {
  id: number;
  tenantUuid: string;
  name: string;
  contexttype: string;
  commented: number;
}

/** A dialplan context (`context`): the columns the drivers read. */
export const Context = new EntitySchema<ContextRow>({
  name: 'Context',
  tableName: 'context',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    name: { type: 'varchar', length: 79, unique: true },
    contexttype: { type: 'varchar', length: 40, default: 'internal' },
    commented: { type: 'integer', default: 0 },
  },
});
