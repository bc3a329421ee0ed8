import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { QueueskillrulesConfDriver } from '../src/index.js';

describe('QueueskillrulesConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = () => generateWithDriver(QueueskillrulesConfDriver, driverConfig(), database.dataSource);
  // The driver's own result, before the service's check that refuses an empty file.
  const generateRaw = () => database.run(() => new QueueskillrulesConfDriver().generate());
  const insert = (id: number, rule: string | null, tenant = 't1') =>
    database.execute('INSERT INTO queueskillrule (id, tenant_uuid, name, rule) VALUES ($1, $2, $3, $4)', [id, tenant, `rule${id}`, rule]);

  afterEach(async () => {
    await database.execute('DELETE FROM queueskillrule');
  });

  it('returns an empty string without rules (the service then keeps its cached copy)', async () => {
    expect(await generateRaw()).toBe('');
  });

  it('writes a NULL rule as its header alone and an empty rule as one empty line', async () => {
    await insert(1, null);
    await insert(2, '');
    expect(await generate()).toBe('[skillrule-1]\n\n[skillrule-2]\nrule =\n');
  });

  it('splits on every semicolon and strips only the ends of each line', async () => {
    await insert(1, '$agent.english > 10 ; $agent.french > 5;;');
    expect(await generate()).toBe('[skillrule-1]\nrule = $agent.english > 10\nrule =  $agent.french > 5\nrule =\nrule =\n');
  });

  it('writes the rules of every tenant in physical order, not id order', async () => {
    await insert(1, 'a', 't1');
    await insert(2, 'b', 't2');
    await insert(3, 'c', 't1');
    await database.execute(`UPDATE queueskillrule SET rule = 'aa' WHERE id = 1`);
    expect(await generate()).toBe('[skillrule-2]\nrule = b\n\n[skillrule-3]\nrule = c\n\n[skillrule-1]\nrule = aa\n');
  });
});
