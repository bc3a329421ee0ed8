import { EntitySchema } from 'typeorm';

export interface IvrRow {
  id: number;
  tenantUuid: string;
  name: string;
  greetingSound: string | null;
  menuSound: string;
  invalidSound: string | null;
  abortSound: string | null;
  timeout: number;
  maxTries: number;
  description: string | null;
}

/** An interactive voice menu (`ivr`): the columns the drivers read. */
export const Ivr = new EntitySchema<IvrRow>({
  name: 'Ivr',
  tableName: 'ivr',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    name: { type: 'varchar', length: 128 },
    greetingSound: { name: 'greeting_sound', type: 'text', nullable: true },
    menuSound: { name: 'menu_sound', type: 'text' },
    invalidSound: { name: 'invalid_sound', type: 'text', nullable: true },
    abortSound: { name: 'abort_sound', type: 'text', nullable: true },
    timeout: { type: 'integer', default: 5 },
    maxTries: { name: 'max_tries', type: 'integer', default: 3 },
    description: { type: 'text', nullable: true },
  },
});
