import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { QueueskillsConfDriver } from '../src/index.js';

describe('QueueskillsConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = () => generateWithDriver(QueueskillsConfDriver, driverConfig(), database.dataSource);
  // The driver's own result, before the service's check that refuses an empty file.
  const generateRaw = () => database.run(() => new QueueskillsConfDriver().generate());
  const run = async (...statements: string[]) => {
    for (const statement of statements) await database.execute(statement);
  };
  const agent = (id: number, tenant = 't1') =>
    `INSERT INTO agentfeatures (id, tenant_uuid, number) VALUES (${id}, '${tenant}', '${8000 + id}')`;
  const skill = (id: number, name: string, tenant = 't1') =>
    `INSERT INTO queueskill (id, tenant_uuid, name) VALUES (${id}, '${tenant}', '${name}')`;
  const agentSkill = (agentId: number, skillId: number, weight: number) =>
    `INSERT INTO agentqueueskill (agentid, skillid, weight) VALUES (${agentId}, ${skillId}, ${weight})`;

  afterEach(async () => {
    for (const table of ['agentqueueskill', 'agentfeatures', 'queueskill']) await database.execute(`DELETE FROM ${table}`);
  });

  it('returns an empty string without agent skills, even with agents and skills (the service then keeps its cached copy)', async () => {
    await run(agent(1), skill(1, 'english'));
    expect(await generateRaw()).toBe('');
  });

  it('writes one section per agent of every tenant, in agent id order, weights as integers', async () => {
    await run(
      agent(7, 't2'),
      agent(3, 't1'),
      skill(1, 'english', 't1'),
      skill(2, 'german', 't2'),
      agentSkill(7, 2, 0),
      agentSkill(3, 1, 50),
    );
    expect(await generate()).toBe('[agent-3]\nenglish = 50\n\n[agent-7]\ngerman = 0\n');
  });

  it("lists an agent's skills in physical order: an updated row moves last", async () => {
    await run(agent(1), skill(1, 'english'), skill(2, 'french'), skill(3, 'spanish'));
    await run(agentSkill(1, 1, 10), agentSkill(1, 2, 20), agentSkill(1, 3, 30), 'UPDATE agentqueueskill SET weight = 15 WHERE skillid = 1');
    expect(await generate()).toBe('[agent-1]\nfrench = 20\nspanish = 30\nenglish = 15\n');
  });

  it('skips an association whose agent or skill is missing', async () => {
    await run(agent(1), skill(1, 'english'), agentSkill(1, 1, 5), agentSkill(1, 99, 6), agentSkill(42, 1, 7));
    expect(await generate()).toBe('[agent-1]\nenglish = 5\n');
  });
});
