import { EntitySchema } from 'typeorm';

/** One option of sccp.conf's general settings (`sccpgeneralsettings`). */
export interface SccpGeneralSettingsRow {
  id: number;
  optionName: string;
  optionValue: string;
}

export const SccpGeneralSettings = new EntitySchema<SccpGeneralSettingsRow>({
  name: 'SccpGeneralSettings',
  tableName: 'sccpgeneralsettings',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    optionName: { name: 'option_name', type: 'varchar', length: 80 },
    optionValue: { name: 'option_value', type: 'varchar', length: 80 },
  },
});
