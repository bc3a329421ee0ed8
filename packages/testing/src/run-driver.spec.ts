import { ConfgendDriver } from '@wazo-confgend/core';
import { query } from '@wazo-confgend/dao';
import { createTestDatabase } from '@wazo-confgend/dao/testing';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELLO_DRIVER_DIR, manifest, writeFixturePackage } from '../test/fixture-package.js';
import { runDriver } from './run-driver.js';

describe('runDriver', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ schema: { kind: 'empty' }, sql: ["CREATE TABLE greeting (text varchar); INSERT INTO greeting VALUES ('from the database')"] });
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('runs the seed example by namespace from its package directory', async () => {
    const text = await runDriver('asterisk.sip.conf', { databaseUrl: database.url, packageDir: HELLO_DRIVER_DIR });
    expect(text).toBe('Hello World!');
  });

  it('accepts the full wazo_confgend. namespace', async () => {
    const text = await runDriver('wazo_confgend.asterisk.sip.conf', { databaseUrl: database.url, packageDir: HELLO_DRIVER_DIR });
    expect(text).toBe('Hello World!');
  });

  it('hands the merged configuration to the constructor and runs generate() in a read-only transaction', async () => {
    class GreetingDriver extends ConfgendDriver {
      async generate(): Promise<string> {
        const [greeting] = await query<{ text: string }>('SELECT text FROM greeting');
        const [mode] = await query<{ transaction_read_only: string }>('SHOW transaction_read_only');
        return `${String(this.config['greeting_prefix'])} ${greeting?.text} (${this.config.cache}, read only: ${mode?.transaction_read_only})`;
      }
    }
    const text = await runDriver(GreetingDriver, { databaseUrl: database.url, config: { greeting_prefix: 'Hello' } });
    expect(text).toBe('Hello from the database (/var/cache/wazo-confgend, read only: on)');
  });

  it('lets no driver write to the database', async () => {
    class WritingDriver {
      async generate(): Promise<string> {
        await query("INSERT INTO greeting VALUES ('written')");
        return 'written';
      }
    }
    await expect(runDriver(WritingDriver, { databaseUrl: database.url })).rejects.toMatchObject({ code: 'WCG_ERR_READ_ONLY_VIOLATION' });
  });

  it('rejects an empty result, which the service would not serve', async () => {
    class EmptyDriver {
      generate(): string {
        return '';
      }
    }
    await expect(runDriver(EmptyDriver, { databaseUrl: database.url })).rejects.toMatchObject({ code: 'WCG_ERR_GENERATION_EMPTY' });
  });

  it('picks the configured driver when a package has several for one namespace', async () => {
    const dir = await writeFixturePackage(
      manifest(
        { namespace: 'asterisk.sip.conf', name: 'one', module: './drivers.js', export: 'One' },
        { namespace: 'asterisk.sip.conf', name: 'two', module: './drivers.js', export: 'Two' },
      ),
      { 'drivers.js': 'export class One { generate() { return "one"; } }\nexport class Two { generate() { return "two"; } }' },
    );
    const configured = { plugins: { 'asterisk.sip.conf': 'two' } };
    expect(await runDriver('asterisk.sip.conf', { databaseUrl: database.url, packageDir: dir, config: configured })).toBe('two');
    expect(await runDriver('asterisk.sip.conf', { databaseUrl: database.url, packageDir: dir, name: 'one' })).toBe('one');
    await expect(runDriver('asterisk.sip.conf', { databaseUrl: database.url, packageDir: dir })).rejects.toThrow(/found: one .*, two /);
  });

  it('says what the package provides when the namespace is not among it', async () => {
    await expect(runDriver('asterisk.pjsip.conf', { databaseUrl: database.url, packageDir: HELLO_DRIVER_DIR })).rejects.toMatchObject({
      code: 'WCG_ERR_DRIVER_NOT_FOUND',
      message: expect.stringContaining('no driver for asterisk.pjsip.conf'),
    });
  });
});
