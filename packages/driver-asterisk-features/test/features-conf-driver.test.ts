import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { FeaturesConfDriver } from '../src/index.js';

const row = (id: number, category: string, name: string, value: string | null, commented = 0) =>
  `INSERT INTO features (id, commented, filename, category, var_name, var_val)
   VALUES (${id}, ${commented}, 'features.conf', '${category}', '${name}', ${value === null ? 'NULL' : `'${value}'`})`;

describe('FeaturesConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = () => generateWithDriver(FeaturesConfDriver, driverConfig(), database.dataSource);

  afterEach(async () => {
    await database.execute('DELETE FROM features');
  });

  it('writes an empty section as its header alone', async () => {
    expect(await generate()).toBe('[general]\n\n[featuremap]\n\n[applicationmap]\n');
  });

  it('repeats the disconnect key as atxferabort after the general options, and skips commented rows', async () => {
    for (const statement of [
      row(1, 'general', 'pickupexten', '*8'),
      row(2, 'general', 'xfersound', null, 1),
      row(3, 'general', 'featuredigittimeout', '1500'),
      row(4, 'featuremap', 'blindxfer', '*1'),
      row(5, 'featuremap', 'disconnect', '*0'),
      row(6, 'applicationmap', 'togglerecord', '*3,self,AGI(agi://${WAZO_AGID_IP}/call_recording)'),
    ]) {
      await database.execute(statement);
    }
    expect(await generate()).toBe(
      '[general]\npickupexten = *8\nfeaturedigittimeout = 1500\natxferabort = *0\n\n' +
        '[featuremap]\nblindxfer = *1\ndisconnect = *0\n\n' +
        '[applicationmap]\ntogglerecord = *3,self,AGI(agi://${WAZO_AGID_IP}/call_recording)\n',
    );
  });

  it('adds no atxferabort without a disconnect key', async () => {
    await database.execute(row(1, 'general', 'pickupexten', '*8'));
    await database.execute(row(2, 'featuremap', 'atxfer', '*2'));
    expect(await generate()).toBe('[general]\npickupexten = *8\n\n[featuremap]\natxfer = *2\n\n[applicationmap]\n');
  });

  it('prints an enabled NULL value as None, as upstream does', async () => {
    await database.execute(row(1, 'general', 'xfersound', null));
    expect(await generate()).toBe('[general]\nxfersound = None\n\n[featuremap]\n\n[applicationmap]\n');
  });

  it('shows a change made between two generations of the same driver instance', async () => {
    await database.execute(row(1, 'general', 'pickupexten', '*8'));
    const driver = new FeaturesConfDriver();
    expect(await database.run(() => driver.generate())).toContain('pickupexten = *8\n');
    await database.execute(`UPDATE features SET var_val = '*88' WHERE var_name = 'pickupexten'`);
    expect(await database.run(() => driver.generate())).toContain('pickupexten = *88\n');
  });
});
