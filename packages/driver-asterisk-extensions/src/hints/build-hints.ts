import { pythonStr } from '@wazo-confgend/asterisk-conf';
import { cleanExtension, funcKeyExtension } from '../dialplan/extension-patterns.js';
import type { FuncKeyHintKind, HintRows, SharedLineRow } from '../queries/find-hints.js';

const hintLine = (extension: string, argument: string) => `exten = ${extension},hint,${argument}`;

function sharedLineInterface(line: SharedLineRow): string | undefined {
  // A line without name prints as Python prints None.
  const name = pythonStr(line.line_name);
  switch (line.kind) {
    case 'custom':
      return name;
    case 'sip':
      return `PJSIP/${name}`;
    case 'sccp':
      return `SCCP/${name}`;
    case 'none':
      return `CUSTOM/${name}`;
    default:
      return undefined;
  }
}

/**
 * `[usersharedlines]`: one hint per user of every tenant, on its mobile state and all its
 * lines (main line first), whatever their state. Rows come grouped by user.
 */
export function sharedLineHints(rows: readonly SharedLineRow[]): string[] {
  const interfacesByUser = new Map<string, string[]>();
  for (const row of rows) {
    let interfaces = interfacesByUser.get(row.user_uuid);
    if (!interfaces) {
      interfaces = [`Custom:${row.user_uuid}-mobile`];
      interfacesByUser.set(row.user_uuid, interfaces);
    }
    const lineInterface = sharedLineInterface(row);
    if (lineInterface !== undefined) interfaces.push(lineInterface);
  }
  return [...interfacesByUser].map(([uuid, interfaces]) => hintLine(uuid, interfaces.join('&')));
}

/** The feature extensions hints are built from. */
export interface HintPrefixes {
  /** `phoneprogfunckey`'s extension, as is (cleaned here). */
  readonly progfunckey: string | null;
  readonly bsfilter: string | null;
}

/** The hints of each context, keyed by context name. */
export type ContextHints = ReadonlyMap<string, readonly string[]>;

/**
 * Each context's hints, in upstream's order of sources: users, conferences, service, forward,
 * group member and agent keys, boss-secretary filters, custom keys. Within a context the first
 * hint for an extension wins; later ones for the same extension are dropped.
 */
export function contextHints(rows: HintRows, prefixes: HintPrefixes): ContextHints {
  const hints = new Map<string, { readonly seen: Set<string>; readonly lines: string[] }>();
  const add = (context: string, extension: string, argument: string) => {
    let entry = hints.get(context);
    if (!entry) {
      entry = { seen: new Set(), lines: [] };
      hints.set(context, entry);
    }
    if (entry.seen.has(extension)) return;
    entry.seen.add(extension);
    entry.lines.push(hintLine(extension, argument));
  };
  const addCustom = (context: string, extension: string) => add(context, extension, `Custom:${extension}`);
  const keysOf = (kind: FuncKeyHintKind) => rows.funcKeys.filter((key) => key.kind === kind);
  const progfunckey = cleanExtension(prefixes.progfunckey);

  for (const user of rows.users) add(user.context, user.exten, user.argument);
  for (const conference of rows.conferences) add(conference.context, conference.exten, `confbridge:${conference.conference_id}`);
  for (const key of keysOf('service')) addCustom(key.context, funcKeyExtension(progfunckey, [key.user_id, key.exten, null]));
  // Upstream cleans these feature extensions once more than the service ones.
  for (const key of keysOf('forward')) addCustom(key.context, funcKeyExtension(progfunckey, [key.user_id, cleanExtension(key.exten), key.argument]));
  for (const key of keysOf('groupmember')) {
    addCustom(key.context, funcKeyExtension(progfunckey, [key.user_id, cleanExtension(key.exten), key.argument]));
  }
  for (const key of keysOf('agent')) {
    addCustom(key.context, funcKeyExtension(progfunckey, [key.user_id, cleanExtension(key.exten), `*${key.argument}`]));
  }
  const bsfilter = cleanExtension(prefixes.bsfilter);
  for (const filter of rows.bsfilters) addCustom(filter.context, `${bsfilter}${filter.filtermember_id}`);
  for (const key of keysOf('custom')) addCustom(key.context, key.exten);

  return new Map([...hints].map(([context, entry]) => [context, entry.lines]));
}
