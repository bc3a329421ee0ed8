import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { PhonedConfigYmlDriver } from '../src/index.js';

describe('PhonedConfigYmlDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = () => generateWithDriver(PhonedConfigYmlDriver, driverConfig(), database.dataSource);
  const access = (id: number, host: string, commented = 0) =>
    database.execute(`INSERT INTO accessfeatures (id, host, commented, feature) VALUES ($1, $2, $3, 'phonebook')`, [id, host, commented]);

  afterEach(async () => {
    await database.execute('DELETE FROM accessfeatures');
  });

  it('writes an empty flow list when no host is allowed', async () => {
    expect(await generate()).toBe('rest_api:\n  authorized_subnets: []\n');
  });

  it('skips commented hosts', async () => {
    await access(1, '10.0.0.0/8', 1);
    expect(await generate()).toBe('rest_api:\n  authorized_subnets: []\n');
    await access(2, '192.168.0.0/16');
    expect(await generate()).toBe('rest_api:\n  authorized_subnets:\n  - 192.168.0.0/16\n');
  });

  it('lists the hosts in physical order, not by id', async () => {
    await access(1, '10.0.0.0/8');
    await access(2, '172.16.0.0/12');
    await access(3, '192.168.0.0/16');
    await database.execute(`UPDATE accessfeatures SET host = '10.1.0.0/16' WHERE id = 1`);
    expect(await generate()).toBe('rest_api:\n  authorized_subnets:\n  - 172.16.0.0/12\n  - 192.168.0.0/16\n  - 10.1.0.0/16\n');
  });

  it('quotes hosts the way PyYAML does', async () => {
    for (const [id, host] of ['*', '10', 'yes', '', 'a: b', 'y', 'fe80::/10', '#1'].entries()) await access(id, host);
    expect(await generate()).toBe(
      "rest_api:\n  authorized_subnets:\n  - '*'\n  - '10'\n  - 'yes'\n  - ''\n  - 'a: b'\n  - y\n  - fe80::/10\n  - '#1'\n",
    );
  });
});
