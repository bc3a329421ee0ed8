import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSharedReference, SHARED_REFERENCE_MISSING, useTestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PjsipConfDriver } from '../src/index.js';
import { comparePjsipConf } from './conf-equivalence.js';

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

const python = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!shared)('pjsip.conf parity with upstream on the dev fixture', () => {
  // Without the shared reference the suite is skipped: its hooks never run, so the undefined options never apply.
  const database = useTestDatabase(
    { beforeAll, afterAll },
    shared ? { schema: { kind: 'sql-file', path: shared.schemaSql }, sqlFiles: [shared.fixtureSql('dev')] } : undefined,
  );
  let generated: string;
  let golden: string;

  beforeAll(async () => {
    if (!shared) return;
    const driver = new PjsipConfDriver({});
    generated = await database.run(() => driver.generate());
    golden = readFileSync(join(shared.goldenDir('dev'), 'asterisk', 'pjsip.conf'), 'utf8');
  });

  it('is identical, or equivalent under confdiff rules, to the golden file', () => {
    expect(comparePjsipConf(golden, generated)).not.toBe('different');
  });

  it.skipIf(!python)('passes confdiff.py', () => {
    if (!shared) return;
    const actualDir = mkdtempSync(join(tmpdir(), 'pjsip-parity-'));
    try {
      mkdirSync(join(actualDir, 'asterisk'));
      writeFileSync(join(actualDir, 'asterisk', 'pjsip.conf'), generated);
      const result = spawnSync(
        'python3',
        [join(shared.dir, 'tools', 'confdiff.py'), shared.goldenDir('dev'), actualDir, 'asterisk/pjsip.conf'],
        { encoding: 'utf8' },
      );
      expect(result.stdout).toMatch(/1\/1 match/);
      expect(result.status).toBe(0);
    } finally {
      rmSync(actualDir, { recursive: true, force: true });
    }
  });
});
