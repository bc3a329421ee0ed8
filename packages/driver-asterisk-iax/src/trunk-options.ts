/**
 * The option columns of an IAX trunk (`useriax`), in the order upstream writes them.
 *
 * Upstream takes the table's column names as a Python `set` (minus id, name, protocol, category,
 * commented, disallow, options, tenant_uuid) and writes them in that set's iteration order. For
 * strings that order follows the interpreter's hash seed; the dev fixture's golden iax.conf was
 * written with hash randomisation off (PYTHONHASHSEED=0) on CPython 3.11, whose SipHash-1-3 set
 * gives exactly this order. To check or regenerate it:
 *   PYTHONHASHSEED=0 python3.11 -c "print(list({<the 55 useriax columns in table order>} - {<the 8 above>}))"
 */
export const TRUNK_OPTION_COLUMNS = [
  'requirecalltoken',
  'permit',
  'username',
  'parkinglot',
  'allow',
  'peercontext',
  'codecpriority',
  'trunk',
  'mailbox',
  'secret',
  'cid_number',
  'accountcode',
  'forcejitterbuffer',
  'auth',
  'deny',
  'dbsecret',
  'encryption',
  'qualifyfreqok',
  'mohinterpret',
  'context',
  'callerid',
  'maxauthreq',
  'qualifyfreqnotok',
  'language',
  'qualifysmoothing',
  'type',
  'fullname',
  'qualify',
  'outkey',
  'host',
  'inkeys',
  'forceencryption',
  'keyrotate',
  'regexten',
  'amaflags',
  'timezone',
  'setvar',
  'immediate',
  'sourceaddress',
  'mohsuggest',
  'defaultip',
  'jitterbuffer',
  'sendani',
  'mask',
  'port',
  'transfer',
  'adsi',
] as const;

export type TrunkOptionColumn = (typeof TRUNK_OPTION_COLUMNS)[number];

/** Integer columns Asterisk reads as booleans: upstream prints them `yes` (non-zero) or `no`. */
const YES_NO_COLUMNS: ReadonlySet<TrunkOptionColumn> = new Set([
  'trunk',
  'adsi',
  'jitterbuffer',
  'forcejitterbuffer',
  'sendani',
  'qualifysmoothing',
  'immediate',
  'keyrotate',
]);

export type IaxTrunk = Readonly<Record<TrunkOptionColumn, string | number | null>> & {
  readonly name: string;
  /** Extra `[name, value]` pairs, written after the columns in their stored order. */
  readonly options: readonly (readonly (string | null)[])[];
};

/**
 * The `[name, value]` options of a trunk section: each non-empty column, then each extra pair
 * with a non-empty value (a pair repeating a column is kept, as upstream does).
 */
export function trunkOptions(trunk: IaxTrunk): [string, string][] {
  const options: [string, string][] = [];
  for (const column of TRUNK_OPTION_COLUMNS) {
    const value = trunk[column];
    if (value === null || value === '') continue;
    options.push([column, YES_NO_COLUMNS.has(column) ? (value ? 'yes' : 'no') : String(value)]);
  }
  for (const [name, value] of trunk.options) {
    if (value === null || value === undefined || value === '') continue;
    options.push([String(name), value]);
  }
  return options;
}
