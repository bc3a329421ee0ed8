import { EntitySchema } from 'typeorm';

export interface QueueMemberRow {
  queueName: string;
  interface: string;
  penalty: number;
  commented: number;
  usertype: 'agent' | 'user';
  userid: number;
  position: number;
}

export interface GroupFeaturesRow {
  id: number;
  name: string;
  label: string;
}

export interface QueueFeaturesRow {
  id: number;
  name: string;
  displayname: string;
}

/** A member of a queue or group (`queuemember`): the columns the drivers read. */
export const QueueMember = new EntitySchema<QueueMemberRow>({
  name: 'QueueMember',
  tableName: 'queuemember',
  columns: {
    queueName: { name: 'queue_name', type: 'varchar', length: 128, primary: true },
    interface: { type: 'varchar', length: 128, primary: true },
    penalty: { type: 'integer', default: 0 },
    commented: { type: 'integer', default: 0 },
    usertype: { type: 'enum', enum: ['agent', 'user'], enumName: 'queuemember_usertype' },
    userid: { type: 'integer' },
    position: { type: 'integer', default: 0 },
  },
});

/** A ring group (`groupfeatures`): the columns the drivers read. */
export const GroupFeatures = new EntitySchema<GroupFeaturesRow>({
  name: 'GroupFeatures',
  tableName: 'groupfeatures',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 128 },
    // The Wazo table has no default: this one only spares test rows that do not care about it.
    label: { type: 'text', default: '' },
  },
});

/** A queue (`queuefeatures`): the columns the drivers read. */
export const QueueFeatures = new EntitySchema<QueueFeaturesRow>({
  name: 'QueueFeatures',
  tableName: 'queuefeatures',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 128, unique: true },
    // The Wazo table has no default: this one only spares test rows that do not care about it.
    displayname: { type: 'varchar', length: 128, default: '' },
  },
});

/** A queue or a ring group's queue (`queue`): every column, as queues.conf prints them all. */
export interface QueueRow {
  name: string;
  musicclass: string | null;
  announce: string | null;
  context: string | null;
  timeout: number | null;
  monitorType: 'no' | 'mixmonitor' | null;
  monitorFormat: string | null;
  queueYouarenext: string | null;
  queueThereare: string | null;
  queueCallswaiting: string | null;
  queueHoldtime: string | null;
  queueMinutes: string | null;
  queueSeconds: string | null;
  queueThankyou: string | null;
  queueReporthold: string | null;
  periodicAnnounce: string | null;
  announceFrequency: number | null;
  periodicAnnounceFrequency: number | null;
  announceRoundSeconds: number | null;
  announceHoldtime: string | null;
  retry: number | null;
  wrapuptime: number | null;
  maxlen: number | null;
  servicelevel: number | null;
  strategy: string | null;
  joinempty: string | null;
  leavewhenempty: string | null;
  ringinuse: number;
  reportholdtime: number;
  memberdelay: number | null;
  weight: number | null;
  timeoutrestart: number;
  commented: number;
  category: 'group' | 'queue';
  timeoutpriority: string;
  autofill: number;
  autopause: string;
  setinterfacevar: number;
  setqueueentryvar: number;
  setqueuevar: number;
  membermacro: string | null;
  minAnnounceFrequency: number;
  randomPeriodicAnnounce: number;
  announcePosition: string;
  announcePositionLimit: number;
  defaultrule: string | null;
}

const optionalText = (length: number) => ({ type: 'varchar', length, nullable: true }) as const;
const optionalInteger = { type: 'integer', nullable: true } as const;
const flag = (value: number) => ({ type: 'integer', default: value }) as const;

export const Queue = new EntitySchema<QueueRow>({
  name: 'Queue',
  tableName: 'queue',
  columns: {
    name: { type: 'varchar', length: 128, primary: true },
    musicclass: optionalText(128),
    announce: optionalText(128),
    context: optionalText(79),
    timeout: { type: 'integer', nullable: true, default: 0 },
    monitorType: { name: 'monitor-type', type: 'enum', enum: ['no', 'mixmonitor'], enumName: 'queue_monitor_type', nullable: true },
    monitorFormat: { name: 'monitor-format', ...optionalText(128) },
    queueYouarenext: { name: 'queue-youarenext', ...optionalText(128) },
    queueThereare: { name: 'queue-thereare', ...optionalText(128) },
    queueCallswaiting: { name: 'queue-callswaiting', ...optionalText(128) },
    queueHoldtime: { name: 'queue-holdtime', ...optionalText(128) },
    queueMinutes: { name: 'queue-minutes', ...optionalText(128) },
    queueSeconds: { name: 'queue-seconds', ...optionalText(128) },
    queueThankyou: { name: 'queue-thankyou', ...optionalText(128) },
    queueReporthold: { name: 'queue-reporthold', ...optionalText(128) },
    periodicAnnounce: { name: 'periodic-announce', type: 'text', nullable: true },
    announceFrequency: { name: 'announce-frequency', ...optionalInteger },
    periodicAnnounceFrequency: { name: 'periodic-announce-frequency', ...optionalInteger },
    announceRoundSeconds: { name: 'announce-round-seconds', ...optionalInteger },
    announceHoldtime: { name: 'announce-holdtime', ...optionalText(4) },
    retry: optionalInteger,
    wrapuptime: optionalInteger,
    maxlen: optionalInteger,
    servicelevel: optionalInteger,
    strategy: optionalText(11),
    joinempty: optionalText(255),
    leavewhenempty: optionalText(255),
    ringinuse: flag(0),
    reportholdtime: flag(0),
    memberdelay: optionalInteger,
    weight: optionalInteger,
    timeoutrestart: flag(0),
    commented: flag(0),
    category: { type: 'enum', enum: ['group', 'queue'], enumName: 'queue_category' },
    timeoutpriority: { type: 'varchar', length: 10, default: 'app' },
    autofill: flag(1),
    autopause: { type: 'varchar', length: 3, default: 'no' },
    setinterfacevar: flag(0),
    setqueueentryvar: flag(0),
    setqueuevar: flag(0),
    membermacro: optionalText(1024),
    minAnnounceFrequency: { name: 'min-announce-frequency', ...flag(60) },
    randomPeriodicAnnounce: { name: 'random-periodic-announce', ...flag(0) },
    announcePosition: { name: 'announce-position', type: 'varchar', length: 1024, default: 'yes' },
    announcePositionLimit: { name: 'announce-position-limit', ...flag(5) },
    defaultrule: optionalText(1024),
  },
  indices: [{ name: 'queue__idx__category', columns: ['category'] }],
  checks: [{ name: 'queue_autopause_check', expression: `autopause IN ('no', 'yes', 'all')` }],
});
