import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/paths.js';
import { runCommand } from './support/run-command.js';

const GUIDES_DIR = join(REPO_ROOT, 'docs/guides');

/**
 * How each shell command of the guides is proven to work as written:
 * - `run`: this test runs it with bash from the repository root (after `substitute`, for a
 *   command about a package the reader creates) and expects exit 0 and `stdout`;
 * - `coveredBy`: another test (or CI itself) runs the same command, or the same command
 *   against a test registry, host or port;
 * - `hostOnly`: it acts on a Wazo host's own files or services (/etc, systemd), which a test on
 *   a developer's machine must not touch.
 */
type Check =
  | { run: { stdout: RegExp; substitute?: ReadonlyArray<readonly [string, string]>; timeoutMs?: number } }
  | { coveredBy: string }
  | { hostOnly: string };

const FOO_TO_HEP = [
  ['driver-asterisk-foo', 'driver-asterisk-hep'],
  ['asterisk.foo.conf', 'asterisk.hep.conf'],
  ['asterisk/foo.conf', 'asterisk/hep.conf'],
  ['tmp/foo', 'tmp/guide-commands-hep'],
] as const;

const COMMANDS: Record<string, Check> = {
  // getting-started.md
  'npm ci': { coveredBy: '.ci/run' },
  'npm start': { coveredBy: 'demo-start.test.ts (the same configuration, from the repository root)' },
  'curl -s http://127.0.0.1:8670/1.0/status': { coveredBy: 'demo-start.test.ts (GET /1.0/status until the database is up)' },
  'curl -s http://127.0.0.1:8670/1.0/files/asterisk/pjsip.conf': { coveredBy: 'demo-start.test.ts (serves a generated pjsip.conf over HTTP)' },
  'node packages/client/dist/bin/wazo-confgen.js asterisk/pjsip.conf': { coveredBy: 'demo-start.test.ts (the same pjsip.conf to wazo-confgen)' },
  'npx wazo-confgend drivers --config-file packages/server/etc/demo/config.yml': { run: { stdout: /^PACKAGE +VERSION +NAMESPACE +NAME +SELECTED +ORIGIN$/m } },
  'npx wazo-confgend help': { run: { stdout: /^ {2}install +install driver packages/m } },
  'npm test': { coveredBy: '.ci/run' },
  // deploying-drivers.md
  'wazo-confgend install @acme/wazo-confgend-driver-sip': { coveredBy: 'registry-publish.test.ts (a driver from a registry that has no core)' },
  'wazo-confgend install ./acme-wazo-confgend-driver-sip-1.0.0.tgz': { coveredBy: 'registry-publish.test.ts and hello-driver.test.ts (tarballs)' },
  'wazo-confgend install @acme/wazo-confgend-driver-sip -- --registry https://npm.acme.example/': { coveredBy: 'registry-publish.test.ts (npm options after --)' },
  'wazo-confgend check-config': { hostOnly: 'reads /etc/wazo-confgend/config.yml' },
  'wazo-confgend drivers': { hostOnly: 'reads /etc/wazo-confgend/config.yml' },
  'systemctl reload wazo-confgend': { hostOnly: 'systemd unit of a host' },
  'wazo-confgen asterisk/sip.conf': { hostOnly: 'the daemon of a host; registry-publish.test.ts fetches the same way on its own port' },
  'wazo-confgend install @acme/wazo-confgend-driver-sip@1.2.0': { coveredBy: 'registry-publish.test.ts (reinstalling what plugin_dir lists)' },
  'wazo-confgend uninstall @acme/wazo-confgend-driver-sip': { coveredBy: 'registry-publish.test.ts (uninstall)' },
  'wazo-confgend versions asterisk/pjsip.conf': { hostOnly: 'asks the host’s running daemon (rest_api, port 8670)' },
  'wazo-confgend diff asterisk/pjsip.conf': { hostOnly: 'asks the host’s running daemon (rest_api, port 8670)' },
  'wazo-confgend diff asterisk/pjsip.conf --to held': { hostOnly: 'asks the host’s running daemon (rest_api, port 8670)' },
  'curl -X POST http://127.0.0.1:8670/1.0/files/asterisk/pjsip.conf/held/release': { hostOnly: 'the host’s running daemon (rest_api, port 8670)' },
  'npm run build': { coveredBy: '.ci/run (npm test builds every package)' },
  'npm run pack': { coveredBy: 'pack.test.ts (tools/pack/pack.mjs, what npm run pack runs)' },
  'wazo-confgend install dist-packages/wazo-confgend-driver-asterisk-iax-1.0.0.tgz dist-packages/wazo-confgend-asterisk-conf-1.0.0.tgz': {
    coveredBy: 'pack.test.ts (the same two tarballs into a test host)',
  },
  // writing-a-driver.md
  'npm pack --dry-run': { coveredBy: 'registry-publish.test.ts and hello-driver.test.ts (npm pack)' },
  'npm publish': { coveredBy: 'registry-publish.test.ts (npm publish to a test registry)' },
  'wazo-confgend install wazo-confgend-driver-sample': { coveredBy: 'hello-driver.test.ts (the same package, from its tarball)' },
  "printf 'plugins:\\n  asterisk.sip.conf: my_driver\\n' > /etc/wazo-confgend/conf.d/my_driver.yml": { hostOnly: 'writes /etc/wazo-confgend' },
  'wazo-confgend check-config && systemctl reload wazo-confgend': { hostOnly: 'a host’s configuration and systemd unit' },
  'NX_DAEMON=false npx nx g ./tools/workspace-plugin:driver --namespace asterisk.foo.conf --name wazo --events foo_edited': {
    coveredBy: 'tools/workspace-plugin generator.spec.ts (it would add a package to this checkout)',
  },
  'NX_DAEMON=false npx nx run-many -t build lint typecheck test -p driver-asterisk-foo': { coveredBy: '.ci/run (the same targets for every package)' },
  "mkdir -p tmp/foo && printf 'plugin_paths: [packages/driver-asterisk-foo]\\nplugins: {asterisk.foo.conf: wazo}\\nextra_config_files: tmp/foo/conf.d\\ncache: tmp/foo/cache\\nlog_filename: tmp/foo/wazo-confgend.log\\n' > tmp/foo/config.yml":
    { run: { stdout: /^$/, substitute: FOO_TO_HEP } },
  'npx wazo-confgend generate asterisk/foo.conf --config-file tmp/foo/config.yml': { run: { stdout: /^\[general\]$/m, substitute: FOO_TO_HEP, timeoutMs: 240_000 } },
};

/** Every command of every ```shell block of the guides, comments dropped, in the guides' order. */
async function guideCommands(): Promise<Array<{ guide: string; command: string }>> {
  const commands: Array<{ guide: string; command: string }> = [];
  for (const guide of (await readdir(GUIDES_DIR)).filter((name) => name.endsWith('.md')).sort()) {
    const text = await readFile(join(GUIDES_DIR, guide), 'utf8');
    for (const block of text.matchAll(/^```shell\n([\s\S]*?)^```$/gm)) {
      for (const line of (block[1] ?? '').split('\n')) {
        const command = line.replace(/\s+#\s.*$/, '').trim();
        if (command !== '' && !command.startsWith('#')) commands.push({ guide, command });
      }
    }
  }
  return commands;
}

function substituted(command: string, substitutions: ReadonlyArray<readonly [string, string]> = []): string {
  return substitutions.reduce((text, [from, to]) => text.split(from).join(to), command);
}

describe('the shell commands of docs/guides', () => {
  const scratch = mkdtemp(join(tmpdir(), 'wazo-confgend-guide-demo-'));

  afterAll(async () => {
    await rm(await scratch, { recursive: true, force: true });
    await rm(join(REPO_ROOT, 'tmp/guide-commands-hep'), { recursive: true, force: true });
  });

  it('are each run here or by another test, or need a Wazo host', async () => {
    const commands = await guideCommands();
    expect(commands.length).toBeGreaterThan(10);
    const unaccounted = commands.filter(({ command }) => !(command in COMMANDS)).map(({ guide, command }) => `${guide}: ${command}`);
    expect(unaccounted, 'add each new guide command to COMMANDS with how it is proven').toEqual([]);
    const written = new Set(commands.map(({ command }) => command));
    expect(Object.keys(COMMANDS).filter((command) => !written.has(command)), 'commands no guide has any more').toEqual([]);
  });

  it('the tests they are covered by exist', async () => {
    for (const check of Object.values(COMMANDS)) {
      if (!('coveredBy' in check)) continue;
      const file = check.coveredBy.split(' ')[0] ?? '';
      const candidates = [join(REPO_ROOT, file), join(import.meta.dirname, file), join(REPO_ROOT, 'tools/workspace-plugin/src/generators/driver', file)];
      expect(candidates.some((path) => existsSync(path)), `${check.coveredBy}`).toBe(true);
    }
  });

  // in the guides' order: a command may need what an earlier one wrote
  for (const [command, check] of Object.entries(COMMANDS)) {
    if (!('run' in check)) continue;
    it(`runs: ${command}`, async () => {
      const script = substituted(command, check.run.substitute);
      // the demo cluster makes its own directory (as root it runs as postgres, which needs to own it)
      const result = await runCommandInRepo(script, join(await scratch, 'demo-pg'), check.run.timeoutMs ?? 120_000);
      expect(result.code, `${script}\n--- stderr\n${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(check.run.stdout);
    }, (check.run.timeoutMs ?? 120_000) + 10_000);
  }
});

function runCommandInRepo(script: string, demoDataDir: string, timeoutMs: number) {
  return runCommand('bash', ['-c', `export WAZO_CONFGEND_DEMO_DATA_DIR=${JSON.stringify(demoDataDir)}; set -e; ${script}`], { cwd: REPO_ROOT, timeoutMs });
}
