import { EntitySchema } from 'typeorm';

const ENCRYPTION = ['no', 'yes', 'aes128'];

/**
 * An IAX endpoint (`useriax`): every column, since a trunk section prints each non-empty column
 * as an option. `options` holds extra `[name, value]` pairs as a two-dimensional array.
 */
export interface UserIaxRow {
  id: number;
  tenantUuid: string;
  name: string;
  type: 'friend' | 'peer' | 'user';
  username: string | null;
  secret: string;
  dbsecret: string;
  context: string | null;
  language: string | null;
  accountcode: string | null;
  amaflags: 'default' | 'omit' | 'billing' | 'documentation' | null;
  mailbox: string | null;
  callerid: string | null;
  fullname: string | null;
  cidNumber: string | null;
  trunk: number;
  auth: string;
  encryption: string | null;
  forceencryption: string | null;
  maxauthreq: number | null;
  inkeys: string | null;
  outkey: string | null;
  adsi: number | null;
  transfer: 'no' | 'yes' | 'mediaonly' | null;
  codecpriority: 'disabled' | 'host' | 'caller' | 'reqonly' | null;
  jitterbuffer: number | null;
  forcejitterbuffer: number | null;
  sendani: number;
  qualify: string;
  qualifysmoothing: number;
  qualifyfreqok: number;
  qualifyfreqnotok: number;
  timezone: string | null;
  disallow: string | null;
  allow: string | null;
  mohinterpret: string | null;
  mohsuggest: string | null;
  deny: string | null;
  permit: string | null;
  defaultip: string | null;
  sourceaddress: string | null;
  setvar: string;
  host: string;
  port: number | null;
  mask: string | null;
  regexten: string | null;
  peercontext: string | null;
  immediate: number | null;
  keyrotate: number | null;
  parkinglot: number | null;
  protocol: 'sip' | 'iax' | 'sccp' | 'custom';
  category: 'user' | 'trunk';
  commented: number;
  requirecalltoken: string;
  options: string[][];
}

export const UserIax = new EntitySchema<UserIaxRow>({
  name: 'UserIax',
  tableName: 'useriax',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    name: { type: 'varchar', length: 40, unique: true },
    type: { type: 'enum', enum: ['friend', 'peer', 'user'], enumName: 'useriax_type' },
    username: { type: 'varchar', length: 80, nullable: true },
    secret: { type: 'varchar', length: 80, default: '' },
    dbsecret: { type: 'varchar', length: 255, default: '' },
    context: { type: 'varchar', length: 79, nullable: true },
    language: { type: 'varchar', length: 20, nullable: true },
    accountcode: { type: 'varchar', length: 20, nullable: true },
    amaflags: {
      type: 'enum',
      enum: ['default', 'omit', 'billing', 'documentation'],
      enumName: 'useriax_amaflags',
      nullable: true,
      default: 'default',
    },
    mailbox: { type: 'varchar', length: 80, nullable: true },
    callerid: { type: 'varchar', length: 160, nullable: true },
    fullname: { type: 'varchar', length: 80, nullable: true },
    cidNumber: { name: 'cid_number', type: 'varchar', length: 80, nullable: true },
    trunk: { type: 'integer', default: 0 },
    auth: {
      type: 'enum',
      enum: ['plaintext', 'md5', 'rsa', 'plaintext,md5', 'plaintext,rsa', 'md5,rsa', 'plaintext,md5,rsa'],
      enumName: 'useriax_auth',
      default: 'plaintext,md5',
    },
    encryption: { type: 'enum', enum: ENCRYPTION, enumName: 'useriax_encryption', nullable: true },
    forceencryption: { type: 'enum', enum: ENCRYPTION, enumName: 'useriax_encryption', nullable: true },
    maxauthreq: { type: 'integer', nullable: true },
    inkeys: { type: 'varchar', length: 80, nullable: true },
    outkey: { type: 'varchar', length: 80, nullable: true },
    adsi: { type: 'integer', nullable: true },
    transfer: { type: 'enum', enum: ['no', 'yes', 'mediaonly'], enumName: 'useriax_transfer', nullable: true },
    codecpriority: {
      type: 'enum',
      enum: ['disabled', 'host', 'caller', 'reqonly'],
      enumName: 'useriax_codecpriority',
      nullable: true,
    },
    jitterbuffer: { type: 'integer', nullable: true },
    forcejitterbuffer: { type: 'integer', nullable: true },
    sendani: { type: 'integer', default: 0 },
    qualify: { type: 'varchar', length: 4, default: 'no' },
    qualifysmoothing: { type: 'integer', default: 0 },
    qualifyfreqok: { type: 'integer', default: 60000 },
    qualifyfreqnotok: { type: 'integer', default: 10000 },
    timezone: { type: 'varchar', length: 80, nullable: true },
    disallow: { type: 'varchar', length: 100, nullable: true },
    allow: { type: 'text', nullable: true },
    mohinterpret: { type: 'varchar', length: 80, nullable: true },
    mohsuggest: { type: 'varchar', length: 80, nullable: true },
    deny: { type: 'varchar', length: 31, nullable: true },
    permit: { type: 'varchar', length: 31, nullable: true },
    defaultip: { type: 'varchar', length: 255, nullable: true },
    sourceaddress: { type: 'varchar', length: 255, nullable: true },
    setvar: { type: 'varchar', length: 100, default: '' },
    host: { type: 'varchar', length: 255, default: 'dynamic' },
    port: { type: 'integer', nullable: true },
    mask: { type: 'varchar', length: 15, nullable: true },
    regexten: { type: 'varchar', length: 80, nullable: true },
    peercontext: { type: 'varchar', length: 80, nullable: true },
    immediate: { type: 'integer', nullable: true },
    keyrotate: { type: 'integer', nullable: true },
    parkinglot: { type: 'integer', nullable: true },
    protocol: { type: 'enum', enum: ['sip', 'iax', 'sccp', 'custom'], enumName: 'trunk_protocol', default: 'iax' },
    category: { type: 'enum', enum: ['user', 'trunk'], enumName: 'useriax_category' },
    commented: { type: 'integer', default: 0 },
    requirecalltoken: { type: 'varchar', length: 4, default: 'no' },
    options: { type: 'varchar', array: true, default: () => "'{}'" },
  },
  indices: [
    { name: 'useriax__idx__category', columns: ['category'] },
    { name: 'useriax__idx__mailbox', columns: ['mailbox'] },
    { name: 'useriax__idx__tenant_uuid', columns: ['tenantUuid'] },
  ],
});
