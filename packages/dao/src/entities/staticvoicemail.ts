import { EntitySchema } from 'typeorm';

/** One line of the static voicemail.conf settings (`staticvoicemail`). */
export interface StaticVoicemailRow {
  id: number;
  catMetric: number;
  varMetric: number;
  commented: number;
  filename: string;
  category: string;
  varName: string;
  varVal: string | null;
}

export const StaticVoicemail = new EntitySchema<StaticVoicemailRow>({
  name: 'StaticVoicemail',
  tableName: 'staticvoicemail',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    catMetric: { name: 'cat_metric', type: 'integer', nullable: false, default: 0 },
    varMetric: { name: 'var_metric', type: 'integer', nullable: false, default: 0 },
    commented: { type: 'integer', nullable: false, default: 0 },
    filename: { type: 'varchar', length: 128, nullable: false },
    category: { type: 'varchar', length: 128, nullable: false },
    varName: { name: 'var_name', type: 'varchar', length: 128, nullable: false },
    varVal: { name: 'var_val', type: 'text', nullable: true },
  },
  indices: [{ name: 'staticvoicemail__idx__category', columns: ['category'] }],
});
