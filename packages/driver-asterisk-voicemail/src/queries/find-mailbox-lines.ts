import { lineBreakError } from '@wazo-confgend/asterisk-conf';
import { query } from '@wazo-confgend/dao';

/**
 * An option value made safe for the `|`-separated option list: newline, carriage return and tab
 * become their two-character escapes, then `|` is dropped, as upstream does.
 */
const escaped = (value: string) =>
  `replace(replace(replace(replace(${value}, E'\\n', E'\\\\n'), E'\\r', E'\\\\r'), E'\\t', E'\\\\t'), '|', '')`;

// NULL stays NULL, so that concat_ws leaves an unset flag out.
const yesNo = (flag: string) => `CASE WHEN ${flag} <> 0 THEN 'yes' WHEN ${flag} = 0 THEN 'no' END`;

// The stored `[key, value]` pairs as `key=value|...`, read by flattening the two-dimensional array
// (keys at odd positions). A NULL key prints `None`, as Python does; a NULL value, on which upstream
// fails the whole file, prints empty. Only rows that have pairs run the subquery. unnest() is
// estimated at a few rows per array, where generate_subscripts() is estimated at a thousand and
// would push the plan of a large table over jit_above_cost (a second of JIT compilation).
const STORED_PAIRS = `CASE WHEN cardinality(options) > 0 THEN (
    SELECT string_agg(
             CASE WHEN item % 2 = 1
               THEN CASE WHEN item > 1 THEN '|' ELSE '' END || coalesce(element, 'None') || '='
               ELSE ${escaped("coalesce(element, '')")}
             END, '' ORDER BY item)
    FROM unnest(options) WITH ORDINALITY AS flattened(element, item)) END`;

// `key=value|...`: the column options that are set (concat_ws skips NULLs), `deletevoicemail`
// always (a NOT NULL column), then the stored pairs. Only values are escaped.
const OPTIONS = `concat_ws('|',
    'language=' || ${escaped('language')},
    'tz=' || ${escaped('tz')},
    'attach=' || ${yesNo('attach')},
    'deletevoicemail=' || ${yesNo('deletevoicemail')},
    'maxmsg=' || maxmsg,
    ${STORED_PAIRS})`;

// `<mailbox> => <password>,<full name>,<email>,<pager>,<options>`, NULL fields empty.
const LINE = `mailbox || ' => ' || concat_ws(',', coalesce(password, ''), fullname, coalesce(email, ''), coalesce(pager, ''), ${OPTIONS})`;

// Every tenant's enabled mailboxes. Upstream reads them with no ORDER BY, so heap order (stated
// with ctid: an edited row moves to the end) decides the line order, and with it which lines
// share a `[context]` block. The lines come back as one text, each after its context on a line of
// its own: one row per mailbox would cost several times more to fetch than the whole query.
const FIND_MAILBOX_LINES = `
  SELECT string_agg(context || E'\\n' || ${LINE}, E'\\n' ORDER BY ctid) AS lines, count(*)::int AS mailboxes
  FROM voicemail
  WHERE commented = 0`;

// Option values are escaped, but the other fields are written as they are, as upstream does:
// this finds the first mailbox where one of them holds a line break.
const FIND_MAILBOX_WITH_LINE_BREAK = `
  SELECT context, mailbox
  FROM voicemail
  WHERE commented = 0
    AND (concat(context, mailbox, password, fullname, email, pager) ~ '[\\r\\n]'
         OR EXISTS (SELECT FROM unnest(options) WITH ORDINALITY AS flattened(element, item)
                    WHERE item % 2 = 1 AND element ~ '[\\r\\n]'))
  ORDER BY ctid
  LIMIT 1`;

/** One enabled mailbox: its `=>` line and the context it goes under. */
export interface MailboxLine {
  readonly context: string;
  readonly line: string;
}

/**
 * A line break in a field would let one mailbox add lines (sections) to the whole file, so the
 * generation fails instead, as the writer does for other files, naming the first such mailbox.
 */
async function lineBreakInField(): Promise<Error> {
  const [culprit] = await query<{ context: string; mailbox: string }>(FIND_MAILBOX_WITH_LINE_BREAK);
  return lineBreakError(culprit ? { section: culprit.context, option: culprit.mailbox } : { section: null });
}

/**
 * The enabled mailboxes of every tenant, in physical order. Rejects with WCG_ERR_GENERATION_FAILED
 * when a field written as it is holds a line break: the text then does not split into exactly one
 * context and one line per mailbox, so no field needs scanning here.
 */
export async function findMailboxLines(): Promise<MailboxLine[]> {
  const [found] = await query<{ lines: string | null; mailboxes: number }>(FIND_MAILBOX_LINES);
  if (!found?.lines) return [];
  const parts = found.lines.split('\n');
  if (parts.length !== 2 * found.mailboxes || found.lines.includes('\r')) throw await lineBreakInField();
  const mailboxes: MailboxLine[] = [];
  for (let at = 0; at < parts.length; at += 2) mailboxes.push({ context: parts[at] ?? '', line: parts[at + 1] ?? '' });
  return mailboxes;
}
