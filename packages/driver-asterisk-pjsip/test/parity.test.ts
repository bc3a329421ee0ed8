import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, ReadOnlySessionScope } from '@wazo-confgend/dao';
import {
  createTestDatabase,
  findSharedReference,
  SHARED_REFERENCE_MISSING,
  type TestDatabase,
} from '@wazo-confgend/dao/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PjsipConfDriver } from '../src/index.js';
import { comparePjsipConf } from './conf-equivalence.js';

const shared = findSharedReference();
if (!shared) console.warn(SHARED_REFERENCE_MISSING);

const python = spawnSync('python3', ['--version']).status === 0;

describe.skipIf(!shared)('pjsip.conf parity with upstream on the dev fixture', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let generated: string;
  let golden: string;

  beforeAll(async () => {
    if (!shared) return;
    database = await createTestDatabase({
      schema: { kind: 'sql-file', path: shared.schemaSql },
      sqlFiles: [shared.fixtureSql('dev')],
    });
    dataSource = await createDataSource(database.url).initialize();
    const driver = new PjsipConfDriver({});
    generated = await new ReadOnlySessionScope(dataSource).run(() => driver.generate());
    golden = readFileSync(join(shared.goldenDir('dev'), 'asterisk', 'pjsip.conf'), 'utf8');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
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
