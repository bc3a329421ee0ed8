/* The benchmark's results table. */

const seconds = (ms) => (ms / 1000).toFixed(3);

const COLUMNS = [
  ['users', (r) => String(r.users)],
  ['shape', (r) => r.shape],
  ['file', (r) => r.file],
  ['lines', (r) => (r.lines === undefined ? '' : String(r.lines))],
  ['bytes', (r) => (r.bytes === undefined ? '' : String(r.bytes))],
  ['first s', (r) => (r.firstMs === undefined ? '' : seconds(r.firstMs))],
  ['median s', (r) => (r.medianMs === undefined ? '' : seconds(r.medianMs))],
  ['SQL wait s', (r) => (r.queryMs === undefined ? '' : seconds(r.queryMs))],
  ['SQL server s', (r) => (r.serverMs === undefined ? '' : seconds(r.serverMs))],
  ['stmts', (r) => (r.statements === undefined ? '' : String(r.statements))],
  ['peak RSS MB', (r) => (r.maxRssMb === undefined ? '' : r.maxRssMb.toFixed(0))],
  ['heap MB', (r) => (r.heapMb === undefined ? '' : r.heapMb.toFixed(0))],
  ['note', (r) => r.note ?? ''],
];

export function printTable(results, { runs }) {
  const rows = results.map((result) => COLUMNS.map(([, cell]) => cell(result)));
  const header = COLUMNS.map(([title]) => title);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) =>
    `| ${cells.map((cell, column) => (column === 1 || column === 2 || column === cells.length - 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  console.log(`\n${runs} runs per file, shape and size, each generation in its own Node process`);
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log(
    '\nfirst: the first generation on the dataset; median: of the other runs. SQL wait: median time with a\n' +
      'statement outstanding (server, transfer and row parsing); SQL server: EXPLAIN ANALYZE execution time\n' +
      'of the same statements, once; the rest of the median is JavaScript (resolution and rendering).\n' +
      'peak RSS: the largest of the runs; heap: V8 heap size at the end of the largest run.',
  );
}
