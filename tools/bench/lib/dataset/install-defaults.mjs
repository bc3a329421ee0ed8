/*
 * The rows a fresh Wazo install holds before any tenant exists (feature extensions, static
 * settings of queues, voicemail, SCCP and features, the asterisk_file blocks, transports, ...).
 * The generators fail or print nothing useful without them. They are taken from the shared dev
 * fixture, whose dump holds them one INSERT per line, so the benchmark carries no copy.
 */
import { readFile } from 'node:fs/promises';

/** In foreign-key order. */
const INSTALL_TABLES = [
  'accessfeatures',
  'agentglobalparams',
  'asterisk_file',
  'asterisk_file_section',
  'asterisk_file_variable',
  'contexttype',
  'dhcp',
  'features',
  'feature_extension',
  'func_key_destination_type',
  'func_key_type',
  'iaxcallnumberlimits',
  'infos',
  'mail',
  'pjsip_transport',
  'pjsip_transport_option',
  'provisioning',
  'resolvconf',
  'sccpgeneralsettings',
  'staticiax',
  'staticqueue',
  'staticvoicemail',
];

/** The fixture's INSERT statements of the install tables, in INSTALL_TABLES order. */
export async function readInstallDefaults(fixtureSqlPath) {
  const lines = (await readFile(fixtureSqlPath, 'utf8')).split('\n');
  const byTable = new Map(INSTALL_TABLES.map((table) => [table, []]));
  for (const line of lines) {
    const table = /^INSERT INTO public\.(\w+) \(/.exec(line)?.[1];
    if (table && byTable.has(table)) byTable.get(table).push(line);
  }
  const missing = ['feature_extension', 'asterisk_file', 'pjsip_transport'].filter((table) => byTable.get(table).length === 0);
  if (missing.length > 0) throw new Error(`${fixtureSqlPath} has no ${missing.join(', ')} rows`);
  return [...byTable.values()].flat().join('\n');
}
