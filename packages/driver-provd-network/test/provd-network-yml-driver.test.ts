import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { ProvdNetworkYmlDriver } from '../src/index.js';

describe('ProvdNetworkYmlDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = () => generateWithDriver(ProvdNetworkYmlDriver, driverConfig(), database.dataSource);
  const provisioning = (id: number, netIp: string | null, baseUrl: string | null, port: number) =>
    database.execute('INSERT INTO provisioning (id, net4_ip, http_base_url, http_port) VALUES ($1, $2, $3, $4)', [id, netIp, baseUrl, port]);
  const netiface = (id: number, networktype: 'data' | 'voip', address: string | null) =>
    database.execute('INSERT INTO netiface (id, networktype, address) VALUES ($1, $2, $3)', [id, networktype, address]);

  afterEach(async () => {
    await database.execute('DELETE FROM provisioning');
    await database.execute('DELETE FROM netiface');
  });

  it('writes an empty map when both tables are empty', async () => {
    expect(await generate()).toBe('{}\n');
  });

  it('writes an empty map when neither the provisioning IP nor a VoIP interface gives an address', async () => {
    await provisioning(1, '', null, 8667);
    await netiface(1, 'data', '192.168.1.10');
    await netiface(2, 'voip', null);
    expect(await generate()).toBe('{}\n');
  });

  it('advertises the configured base URL over the IP and port', async () => {
    await provisioning(1, '10.0.0.1', 'https://provd.example.com:8443/provisioning', 8667);
    await netiface(1, 'voip', '10.0.0.2');
    expect(await generate()).toBe('general:\n  advertised_http_url: https://provd.example.com:8443/provisioning\n');
  });

  it('builds the URL from the provisioning IP when the base URL is empty', async () => {
    await provisioning(1, '10.0.0.1', '', 8667);
    await netiface(1, 'voip', '10.0.0.2');
    expect(await generate()).toBe('general:\n  advertised_http_url: http://10.0.0.1:8667\n');
  });

  it('takes the first VoIP interface in physical order when the provisioning IP is NULL', async () => {
    await provisioning(1, null, null, 8667);
    await netiface(1, 'data', '192.168.1.10');
    await netiface(2, 'voip', '10.0.0.2');
    await netiface(3, 'voip', '10.0.0.3');
    await database.execute(`UPDATE netiface SET address = '10.0.0.22' WHERE id = 2`);
    expect(await generate()).toBe('general:\n  advertised_http_url: http://10.0.0.3:8667\n');
  });

  it('leaves the port out when it is 0, and when there is no provisioning row', async () => {
    await provisioning(1, '10.0.0.1', null, 0);
    expect(await generate()).toBe('general:\n  advertised_http_url: http://10.0.0.1\n');
    await database.execute('DELETE FROM provisioning');
    await netiface(1, 'voip', '10.0.0.2');
    expect(await generate()).toBe('general:\n  advertised_http_url: http://10.0.0.2\n');
  });

  it('reads the first provisioning row in physical order', async () => {
    await provisioning(1, '10.0.0.1', null, 8667);
    await provisioning(2, '10.0.0.9', null, 8666);
    await database.execute('UPDATE provisioning SET http_port = 8668 WHERE id = 1');
    expect(await generate()).toBe('general:\n  advertised_http_url: http://10.0.0.9:8666\n');
  });

  it('quotes a base URL that YAML would not read back as written', async () => {
    await provisioning(1, null, 'http://provd #main', 8667);
    expect(await generate()).toBe("general:\n  advertised_http_url: 'http://provd #main'\n");
  });
});
