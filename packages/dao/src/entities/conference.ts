import { EntitySchema } from 'typeorm';

/** A conference room (`conference`), rendered as ConfBridge profiles. */
export interface ConferenceRow {
  id: number;
  tenantUuid: string;
  name: string | null;
  preprocessSubroutine: string | null;
  maxUsers: number;
  record: boolean;
  pin: string | null;
  quietJoinLeave: boolean;
  announceJoinLeave: boolean;
  announceUserCount: boolean;
  announceOnlyUser: boolean;
  musicOnHold: string | null;
  adminPin: string | null;
}

export const Conference = new EntitySchema<ConferenceRow>({
  name: 'Conference',
  tableName: 'conference',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36, nullable: false },
    name: { type: 'varchar', length: 128, nullable: true },
    preprocessSubroutine: { name: 'preprocess_subroutine', type: 'varchar', length: 79, nullable: true },
    maxUsers: { name: 'max_users', type: 'integer', nullable: false, default: 50 },
    record: { type: 'boolean', nullable: false, default: false },
    pin: { type: 'varchar', length: 80, nullable: true },
    quietJoinLeave: { name: 'quiet_join_leave', type: 'boolean', nullable: false, default: false },
    announceJoinLeave: { name: 'announce_join_leave', type: 'boolean', nullable: false, default: false },
    announceUserCount: { name: 'announce_user_count', type: 'boolean', nullable: false, default: false },
    announceOnlyUser: { name: 'announce_only_user', type: 'boolean', nullable: false, default: true },
    musicOnHold: { name: 'music_on_hold', type: 'varchar', length: 128, nullable: true },
    adminPin: { name: 'admin_pin', type: 'varchar', length: 80, nullable: true },
  },
  indices: [{ name: 'conference__idx__tenant_uuid', columns: ['tenantUuid'] }],
});
