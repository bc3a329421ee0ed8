import { EntitySchema } from 'typeorm';

/** What an extension dials (`extenumbers_type`), in the enum's order. */
export const EXTENSION_TYPES = [
  'extenfeatures',
  'featuremap',
  'generalfeatures',
  'group',
  'incall',
  'outcall',
  'queue',
  'user',
  'voicemenu',
  'conference',
  'parking',
] as const;

export type ExtensionType = (typeof EXTENSION_TYPES)[number];

export interface ExtensionRow {
  id: number;
  commented: number;
  context: string;
  exten: string;
  type: ExtensionType;
  typeval: string;
}

/** A dialable number in a context (`extensions`): the columns the drivers read. */
export const Extension = new EntitySchema<ExtensionRow>({
  name: 'Extension',
  tableName: 'extensions',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    commented: { type: 'integer', default: 0 },
    context: { type: 'varchar', length: 79, default: '' },
    exten: { type: 'varchar', length: 40, default: '' },
    // The Wazo column has no default; 'user' is what xivo-dao fills in when creating an extension.
    type: { type: 'enum', enum: [...EXTENSION_TYPES], enumName: 'extenumbers_type', default: 'user' },
    typeval: { type: 'varchar', length: 255, default: '' },
  },
  uniques: [{ columns: ['exten', 'context'] }],
});
