import { EntitySchema } from 'typeorm';

/** A configuration file an administrator edits through the API (`asterisk_file`). */
export interface AsteriskFileRow {
  id: number;
  name: string;
}

/** One `[section]` of an `asterisk_file`. */
export interface AsteriskFileSectionRow {
  id: number;
  name: string;
  priority: number | null;
  asteriskFileId: number;
  asteriskFile?: AsteriskFileRow;
}

/** One `key = value` line of an `asterisk_file_section`. */
export interface AsteriskFileVariableRow {
  id: number;
  key: string;
  value: string | null;
  priority: number | null;
  asteriskFileSectionId: number;
  asteriskFileSection?: AsteriskFileSectionRow;
}

export const AsteriskFile = new EntitySchema<AsteriskFileRow>({
  name: 'AsteriskFile',
  tableName: 'asterisk_file',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 255, nullable: false, unique: true },
  },
});

export const AsteriskFileSection = new EntitySchema<AsteriskFileSectionRow>({
  name: 'AsteriskFileSection',
  tableName: 'asterisk_file_section',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 255, nullable: false },
    priority: { type: 'integer', nullable: true },
    asteriskFileId: { name: 'asterisk_file_id', type: 'integer', nullable: false },
  },
  relations: {
    asteriskFile: {
      type: 'many-to-one',
      target: 'AsteriskFile',
      joinColumn: { name: 'asterisk_file_id' },
      onDelete: 'CASCADE',
      nullable: false,
    },
  },
  uniques: [{ columns: ['name', 'asteriskFileId'] }],
  indices: [{ name: 'asterisk_file_section__idx__asterisk_file_id', columns: ['asteriskFileId'] }],
});

export const AsteriskFileVariable = new EntitySchema<AsteriskFileVariableRow>({
  name: 'AsteriskFileVariable',
  tableName: 'asterisk_file_variable',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    key: { type: 'varchar', length: 255, nullable: false },
    value: { type: 'text', nullable: true },
    priority: { type: 'integer', nullable: true },
    asteriskFileSectionId: { name: 'asterisk_file_section_id', type: 'integer', nullable: false },
  },
  relations: {
    asteriskFileSection: {
      type: 'many-to-one',
      target: 'AsteriskFileSection',
      joinColumn: { name: 'asterisk_file_section_id' },
      onDelete: 'CASCADE',
      nullable: false,
    },
  },
  indices: [{ name: 'asterisk_file_variable__idx__asterisk_file_section_id', columns: ['asteriskFileSectionId'] }],
});
