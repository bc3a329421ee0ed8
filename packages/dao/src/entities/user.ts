import { EntitySchema } from 'typeorm';

export interface UserFeaturesRow {
  id: number;
  uuid: string;
  voicemailId: number | null;
  tenantUuid: string;
  simultcalls: number;
  enableonlinerec: number;
  enablehint: number;
  funcKeyPrivateTemplateId: number;
  language: string | null;
}

export interface VoicemailRow {
  uniqueid: number;
  context: string;
  mailbox: string;
  password: string | null;
  fullname: string;
  email: string | null;
  pager: string | null;
  language: string | null;
  tz: string | null;
  attach: number | null;
  deletevoicemail: number;
  maxmsg: number | null;
  /** Pairs `[option, value]`, stored as a two-dimensional array. */
  options: string[][];
  commented: number;
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
    enablehint: { type: 'integer', default: 1 },
    // No default in Wazo (each user gets its own template); 0 keeps rows that do not care insertable.
    funcKeyPrivateTemplateId: { name: 'func_key_private_template_id', type: 'integer', default: 0 },
    language: { type: 'varchar', length: 20, nullable: true },
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
    password: { type: 'varchar', length: 80, nullable: true },
    fullname: { type: 'varchar', length: 80, default: '' },
    email: { type: 'varchar', length: 80, nullable: true },
    pager: { type: 'varchar', length: 80, nullable: true },
    language: { type: 'varchar', length: 20, nullable: true },
    tz: { type: 'varchar', length: 80, nullable: true },
    attach: { type: 'integer', nullable: true },
    deletevoicemail: { type: 'integer', default: 0 },
    maxmsg: { type: 'integer', nullable: true },
    options: { type: 'varchar', array: true, default: () => "'{}'" },
    commented: { type: 'integer', default: 0 },
  },
  uniques: [{ columns: ['mailbox', 'context'] }],
});
