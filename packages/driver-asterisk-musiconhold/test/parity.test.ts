import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driverConfig, findSharedReference, generateWithDriver, loadFixtureDatabase, SHARED_REFERENCE_MISSING } from '@wazo-confgend/testing';
import type { FixtureDatabase } from '@wazo-confgend/testing';
import { MusiconholdConfDriver } from '../src/index.js';

const shared = findSharedReference();

describe.skipIf(!shared)('asterisk/musiconhold.conf parity with upstream (dev fixture)', () => {
  if (!shared) console.warn(SHARED_REFERENCE_MISSING);
  let fixture: FixtureDatabase;
  // an empty override directory: whatever the host has under /etc/wazo-confgend cannot interfere
  let noOverrides: string;

  beforeAll(async () => {
    const loaded = await loadFixtureDatabase('dev');
    if (!loaded) throw new Error(SHARED_REFERENCE_MISSING);
    fixture = loaded;
    noOverrides = await mkdtemp(join(tmpdir(), 'moh-no-overrides-'));
  });

  afterAll(async () => {
    await fixture?.close();
    if (noOverrides) await rm(noOverrides, { recursive: true, force: true });
  });

  it('generates the golden file byte for byte', async () => {
    const generated = await generateWithDriver(MusiconholdConfDriver, driverConfig({ templates_dir: noOverrides }), fixture.dataSource);
    expect(generated).toBe(await fixture.golden('asterisk/musiconhold.conf'));
  });
});
