import { EntitySchema } from 'typeorm';

/** What a dialaction belongs to (`dialaction_category`), in the enum's order. */
export const DIALACTION_CATEGORIES = ['callfilter', 'group', 'incall', 'queue', 'user', 'ivr', 'ivr_choice', 'switchboard'] as const;

/** Where a dialaction sends the call (`dialaction_action`), in the enum's order. */
export const DIALACTION_ACTIONS = [
  'none',
  'endcall:busy',
  'endcall:congestion',
  'endcall:hangup',
  'user',
  'group',
  'queue',
  'voicemail',
  'extension',
  'outcall',
  'application:callbackdisa',
  'application:disa',
  'application:directory',
  'application:faxtomail',
  'application:voicemailmain',
  'application:password',
  'sound',
  'custom',
  'ivr',
  'conference',
  'switchboard',
  'application:custom',
] as const;

export interface DialactionRow {
  event: string;
  category: (typeof DIALACTION_CATEGORIES)[number];
  categoryval: string;
  action: (typeof DIALACTION_ACTIONS)[number];
  actionarg1: string | null;
  actionarg2: string | null;
}

/** A destination for an event of a user, incall, IVR... (`dialaction`). */
export const Dialaction = new EntitySchema<DialactionRow>({
  name: 'Dialaction',
  tableName: 'dialaction',
  columns: {
    event: { type: 'varchar', length: 40, primary: true },
    category: { type: 'enum', enum: [...DIALACTION_CATEGORIES], enumName: 'dialaction_category', primary: true },
    categoryval: { type: 'varchar', length: 128, primary: true, default: '' },
    action: { type: 'enum', enum: [...DIALACTION_ACTIONS], enumName: 'dialaction_action' },
    actionarg1: { type: 'varchar', length: 255, nullable: true },
    actionarg2: { type: 'varchar', length: 255, nullable: true },
  },
  indices: [{ name: 'dialaction__idx__categoryval', columns: ['categoryval'] }],
});
