import { EntitySchema } from 'typeorm';

export interface PickupRow {
  id: number;
  tenantUuid: string;
  name: string;
  commented: number;
}

export interface PickupMemberRow {
  pickupid: number;
  category: 'member' | 'pickup';
  membertype: 'group' | 'queue' | 'user';
  memberid: number;
}

/** A call pickup group (`pickup`). */
export const Pickup = new EntitySchema<PickupRow>({
  name: 'Pickup',
  tableName: 'pickup',
  columns: {
    id: { type: 'integer', primary: true },
    tenantUuid: { name: 'tenant_uuid', type: 'varchar', length: 36 },
    name: { type: 'varchar', length: 128, unique: true },
    commented: { type: 'integer', default: 0 },
  },
});

/** A member of a pickup group (`pickupmember`): `member` may pick up, `pickup` calls are picked up. */
export const PickupMember = new EntitySchema<PickupMemberRow>({
  name: 'PickupMember',
  tableName: 'pickupmember',
  columns: {
    pickupid: { type: 'integer', primary: true },
    category: { type: 'enum', enum: ['member', 'pickup'], enumName: 'pickup_category', primary: true },
    membertype: { type: 'enum', enum: ['group', 'queue', 'user'], enumName: 'pickup_membertype', primary: true },
    memberid: { type: 'integer', primary: true },
  },
});
