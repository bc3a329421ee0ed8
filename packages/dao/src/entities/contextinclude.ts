import { EntitySchema } from 'typeorm';

export interface ContextIncludeRow {
  context: string;
  include: string;
  priority: number;
}

/** A context included in another (`contextinclude`). */
export const ContextInclude = new EntitySchema<ContextIncludeRow>({
  name: 'ContextInclude',
  tableName: 'contextinclude',
  columns: {
    context: { type: 'varchar', length: 79, primary: true },
    include: { type: 'varchar', length: 79, primary: true },
    priority: { type: 'integer', default: 0 },
  },
});
