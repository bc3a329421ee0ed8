// Times checkAsteriskConf on a synthetic pjsip.conf of one million lines (about 37 MB).
// Run after building the package: npx tsc -b packages/asterisk-conf/tsconfig.lib.json
//   node --expose-gc packages/asterisk-conf/bench/check.mjs [lines]
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { checkAsteriskConf } from '../dist/index.js';

const targetLines = Number(process.argv[2] ?? 1_000_000);

function syntheticPjsipConf(lines) {
  const parts = ['; synthetic pjsip.conf', '[global]', 'type = global', 'user_agent = Wazo PBX', '', '[endpoint-template](!)', 'type = endpoint', ''];
  for (let index = 0; parts.length < lines; index++) {
    const name = `a1b2c3d4-${String(index).padStart(8, '0')}`;
    parts.push(`; Line ${index} of tenant ${index % 97}`, `[${name}](endpoint-template)`);
    for (let option = 0; option < 26; option++) parts.push(`set_var = WAZO_OPTION_${option}=value-${index}-${option}-padding`);
    parts.push(`callerid = "User ${index}" <${1000 + index}>`, `aors = ${name}`, `auth = ${name}`, '');
    parts.push(`[${name}]`, 'type = aor', 'max_contacts = 1', `mailboxes = ${1000 + index}@default`, '');
  }
  return `${parts.slice(0, lines).join('\n')}\n`;
}

const text = syntheticPjsipConf(targetLines);
const megabytes = (Buffer.byteLength(text) / 1024 / 1024).toFixed(1);
// warm up, and let the garbage of building the text be collected before timing
checkAsteriskConf(text);
globalThis.gc?.();
// CPU time as well as wall time: on a shared machine the wall time also counts other processes
const wall = [];
const cpu = [];
let problems = [];
for (let run = 0; run < 5; run++) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  problems = checkAsteriskConf(text);
  wall.push(performance.now() - start);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
}
const median = (values) => [...values].sort((a, b) => a - b)[2].toFixed(0);
console.log(`${targetLines} lines, ${megabytes} MB: median ${median(wall)} ms wall, ${median(cpu)} ms CPU; ${problems.length} problems`);
