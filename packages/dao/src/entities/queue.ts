import { EntitySchema } from 'typeorm';

export interface QueueMemberRow {
  queueName: string;
  interface: string;
  usertype: 'agent' | 'user';
  userid: number;
}

export interface GroupFeaturesRow {
  id: number;
  name: string;
}

export interface QueueFeaturesRow {
  id: number;
  name: string;
}

/** A member of a queue or group (`queuemember`): the columns the drivers read. */
export const QueueMember = new EntitySchema<QueueMemberRow>({
  name: 'QueueMember',
  tableName: 'queuemember',
  columns: {
    queueName: { name: 'queue_name', type: 'varchar', length: 128, primary: true },
    interface: { type: 'varchar', length: 128, primary: true },
    usertype: { type: 'enum', enum: ['agent', 'user'], enumName: 'queuemember_usertype' },
    userid: { type: 'integer' },
  },
});

/** A ring group (`groupfeatures`): the columns the drivers read. */
export const GroupFeatures = new EntitySchema<GroupFeaturesRow>({
  name: 'GroupFeatures',
  tableName: 'groupfeatures',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 128 },
  },
});

/** A queue (`queuefeatures`): the columns the drivers read. */
export const QueueFeatures = new EntitySchema<QueueFeaturesRow>({
  name: 'QueueFeatures',
  tableName: 'queuefeatures',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 128, unique: true },
  },
});
