import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { WazoUuidYmlDriver } from '../src/index.js';

describe('WazoUuidYmlDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = () => generateWithDriver(WazoUuidYmlDriver, driverConfig(), database.dataSource);
  const infos = (uuid: string) => database.execute('INSERT INTO infos (uuid) VALUES ($1)', [uuid]);

  afterEach(async () => {
    await database.execute('DELETE FROM infos');
  });

  it('fails without an infos row, as upstream does', async () => {
    await expect(generate()).rejects.toMatchObject({ code: 'WCG_ERR_GENERATION_FAILED' });
  });

  it('writes the UUID of the first row in physical order', async () => {
    await infos('aaaaaaaa-0000-4000-8000-000000000001');
    await infos('bbbbbbbb-0000-4000-8000-000000000002');
    expect(await generate()).toBe('uuid: aaaaaaaa-0000-4000-8000-000000000001\n');
    await database.execute(`UPDATE infos SET uuid = 'cccccccc-0000-4000-8000-000000000003' WHERE uuid LIKE 'aaaaaaaa%'`);
    expect(await generate()).toBe('uuid: bbbbbbbb-0000-4000-8000-000000000002\n');
  });

  it('quotes a value that YAML would read as a number', async () => {
    await infos('20251201');
    expect(await generate()).toBe("uuid: '20251201'\n");
  });
});
