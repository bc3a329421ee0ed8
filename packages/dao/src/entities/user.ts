import { EntitySchema } from 'typeorm';

export interface UserFeaturesRow {
  id: number;
  uuid: string;
  voicemailId: number | null;
  tenantUuid: string;
  simultcalls: number;
  enableonlinerec: number;
}

export interface VoicemailRow {
  uniqueid: number;
  context: string;
  mailbox: string;
}

/** A user (`userfeatures`): the columns the drivers read. */
export const UserFeatures = new EntitySchema<UserFeaturesRow>({
  name: 'UserFeatures',
  tableName: 'userfeatures',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    uuid: { type: 'varchar', length: 38, unique: true },
    voicemailId: { name: 'voicemailid', type: 'integer', nullable: true },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    simultcalls: { type: 'integer', default: 5 },
    enableonlinerec: { type: 'integer', default: 0 },
  },
});

/** A voicemail box (`voicemail`): the columns the drivers read. */
export const Voicemail = new EntitySchema<VoicemailRow>({
  name: 'Voicemail',
  tableName: 'voicemail',
  columns: {
    uniqueid: { type: 'integer', primary: true, generated: 'increment' },
    context: { type: 'varchar', length: 79 },
    mailbox: { type: 'varchar', length: 40 },
  },
  uniques: [{ columns: ['mailbox', 'context'] }],
});
