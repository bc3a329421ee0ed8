import { query } from '@wazo-confgend/dao';

export interface ContextRow {
  readonly name: string;
  readonly contexttype: string;
  readonly tenant_uuid: string;
}

export interface ExtensionRow {
  readonly id: number;
  readonly context: string;
  readonly exten: string;
  readonly type: string;
  readonly typeval: string;
}

/** The enabled contexts, each with its includes and dialable extensions, in upstream's order. */
export interface Dialplan {
  readonly contexts: readonly ContextRow[];
  readonly includesByContext: ReadonlyMap<string, readonly string[]>;
  readonly extensionsByContext: ReadonlyMap<string, readonly ExtensionRow[]>;
}

const FIND_CONTEXTS = `
  SELECT name, contexttype, tenant_uuid
  FROM context
  WHERE commented = 0
  ORDER BY name`;

// Upstream orders by priority alone; ctid settles ties as a scan of the table would.
const FIND_INCLUDES = `
  SELECT contextinclude.context, contextinclude.include
  FROM contextinclude
  JOIN context ON context.name = contextinclude.context AND context.commented = 0
  ORDER BY contextinclude.priority, contextinclude.ctid`;

// An extension on lines is dialable while one of its lines is enabled: upstream's outer join
// returns such an extension once per line but its ORM keeps one row per extension, as EXISTS does.
// Neither the incall nor the user behind an extension is checked: a commented incall stays.
const FIND_EXTENSIONS = `
  SELECT extensions.id, extensions.context, extensions.exten, extensions.type::text AS type, extensions.typeval
  FROM extensions
  JOIN context ON context.name = extensions.context AND context.commented = 0
  WHERE extensions.commented = 0
    AND extensions.typeval != '0'
    AND extensions.type != 'parking'
    AND (NOT EXISTS (SELECT 1 FROM line_extension WHERE line_extension.extension_id = extensions.id)
         OR EXISTS (SELECT 1
                    FROM line_extension
                    JOIN linefeatures ON linefeatures.id = line_extension.line_id
                    WHERE line_extension.extension_id = extensions.id AND linefeatures.commented = 0))
  ORDER BY extensions.exten`;

function groupBy<Row, Value>(rows: readonly Row[], keyOf: (row: Row) => string, valueOf: (row: Row) => Value): Map<string, Value[]> {
  const groups = new Map<string, Value[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return groups;
}

/**
 * Three queries whatever the number of contexts (upstream ran two per context): the global
 * ORDER BY of each list, split by context, keeps upstream's order within every context.
 */
export async function findDialplan(): Promise<Dialplan> {
  const contexts = await query<ContextRow>(FIND_CONTEXTS);
  const includes = await query<{ context: string; include: string }>(FIND_INCLUDES);
  const extensions = await query<ExtensionRow>(FIND_EXTENSIONS);
  return {
    contexts,
    includesByContext: groupBy(includes, (row) => row.context, (row) => row.include),
    extensionsByContext: groupBy(extensions, (row) => row.context, (row) => row),
  };
}
