import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const WORKSPACE_ROOT = resolve(import.meta.dirname, '../../..');
const NOT_COPIED = new Set(['node_modules', 'dist', 'out-tsc', '.nx', '.git', 'coverage', 'tmp']);

// eslint-disable-next-line no-control-regex
const withoutColours = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

/** `nx <args>` in `cwd`, without the daemon or a shared cache: its exit status and output. */
async function nx(cwd: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
  try {
    const { stdout, stderr } = await run(process.execPath, [join(cwd, 'node_modules/.bin/nx'), ...args], { cwd, env, maxBuffer: 16 << 20 });
    return { ok: true, output: withoutColours(stdout + stderr) };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: withoutColours(stdout + stderr) };
  }
}

// The generator in a copy of this workspace (sources and configuration, the installed
// node_modules linked): what `nx g` leaves must be in sync, so that `nx run-many` on the new
// package runs without `nx sync` first.
describe('the driver generator in a copy of the workspace', () => {
  let copy: string;

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'wazo-confgend-generator-'));
    await cp(WORKSPACE_ROOT, copy, {
      recursive: true,
      filter: (source) => !relative(WORKSPACE_ROOT, source).split(sep).some((part) => NOT_COPIED.has(part)),
    });
    await symlink(join(WORKSPACE_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  }, 120_000);

  afterAll(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it('writes the package and leaves the TypeScript project references in sync', async () => {
    const generated = await nx(copy, ['g', './tools/workspace-plugin:driver', '--namespace', 'asterisk.foo.conf', '--events', 'foo_edited', '--skipInstall', '--no-interactive']);
    expect(generated.output).toContain('CREATE packages/driver-asterisk-foo/test/conformance.test.ts');
    expect(generated.ok).toBe(true);
    expect(JSON.parse(await readFile(join(copy, 'tsconfig.json'), 'utf8')).references).toContainEqual({ path: './packages/driver-asterisk-foo' });

    const sync = await nx(copy, ['sync:check']);
    expect(sync.output).not.toMatch(/out of sync/i);
    expect(sync.ok).toBe(true);
  }, 180_000);
});
