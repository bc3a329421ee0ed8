import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import type { AsyncMessage } from 'rabbitmq-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DriverSpec } from '../support/driver-packages.js';
import { openTestDatabase, startTestDaemon, tcpRequest, type TestDaemon } from '../support/harness.js';
import { BROKER, closedPort, describeWithBroker, TestBus, testExchangeName, waitFor } from './support/broker.js';

/** A driver reading a row, whose manifest declares the event wazo-confd sends when the row changes. */
function greetingDriver(countFile: string): DriverSpec {
  return {
    packageName: 'acme-greeting',
    namespace: 'test.greeting.conf',
    withDao: true,
    events: ['greeting_edited'],
    source: `import { appendFileSync } from 'node:fs';
import { query } from '@wazo-confgend/dao';
export default class Driver {
  async generate() {
    appendFileSync(${JSON.stringify(countFile)}, 'x');
    const [row] = await query('SELECT text FROM greeting');
    return row.text + '\\n';
  }
}
`,
  };
}

const text = async (port: number, request: string) => (await tcpRequest(port, [request])).text;

interface GeneratedEventBody {
  name: string;
  data: { file: string; size: number; sha256: string; trigger: string };
}

/** The JSON body Wazo consumers decode. */
const bodyOf = (message: AsyncMessage): GeneratedEventBody =>
  JSON.parse(Buffer.isBuffer(message.body) ? message.body.toString('utf8') : JSON.stringify(message.body)) as GeneratedEventBody;

describeWithBroker('the daemon on the Wazo bus', () => {
  let database: TestDatabase;
  let daemon: TestDaemon;
  let bus: TestBus;
  let countFile = '';
  const generations = async () => (await readFile(countFile, 'utf8').catch(() => '')).length;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.execute("CREATE TABLE greeting (text varchar); INSERT INTO greeting VALUES ('hello v1')");
    bus = new TestBus(testExchangeName());
    await bus.declareExchange();
    countFile = join(tmpdir(), `wcg-greeting-${process.pid}-${Date.now()}`);
    daemon = await startTestDaemon({
      dbUri: database.url,
      installed: [greetingDriver(countFile)],
      config: { bus: { host: BROKER.host, port: BROKER.port, username: BROKER.username, password: BROKER.password, exchange_name: bus.exchangeName } },
    });
    await waitFor(() => daemon.daemon.bus.status().listener.state === 'connected', 'the daemon to bind its queue');
  });
  afterAll(async () => {
    await daemon?.stop();
    await bus?.close();
    await database?.drop();
  });

  it('a cached read after a change and its event returns the new content, with no invalidate', async () => {
    expect(await text(daemon.tcpPort, 'test/greeting.conf')).toBe('hello v1\n');
    expect(await text(daemon.tcpPort, 'test/greeting.conf cached')).toBe('hello v1\n');
    await database.execute("UPDATE greeting SET text = 'hello v2'");
    const announced = await bus.collect('confgend_file_generated');
    await bus.publishLikeConfd('greeting_edited', 'config.greeting.edited', { id: 1 });
    // the event reaches the daemon within milliseconds; the read waits for the regeneration it started
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await text(daemon.tcpPort, 'test/greeting.conf cached')).toBe('hello v2\n');
    const generatedByEvent = () => announced.map(bodyOf).find((body) => body.data.trigger === 'bus_event');
    await waitFor(() => generatedByEvent() !== undefined, 'the generated event');
    const event = announced.find((message) => bodyOf(message).data.trigger === 'bus_event');
    expect(event?.headers?.['name']).toBe('confgend_file_generated');
    expect(generatedByEvent()?.data).toMatchObject({ file: 'test/greeting.conf', size: 9, trigger: 'bus_event', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('coalesces a burst of 500 events into one or two generations', async () => {
    await text(daemon.tcpPort, 'test/greeting.conf');
    const before = await generations();
    await database.execute("UPDATE greeting SET text = 'hello v3'");
    await Promise.all(Array.from({ length: 500 }, (_, index) => bus.publishLikeConfd('greeting_edited', 'config.greeting.edited', { id: index })));
    expect(await text(daemon.tcpPort, 'test/greeting.conf cached')).toBe('hello v3\n');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const regenerated = (await generations()) - before;
    expect(regenerated).toBeGreaterThanOrEqual(1);
    expect(regenerated).toBeLessThanOrEqual(2);
    const metrics = await (await fetch(`${daemon.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/wazo_confgend_bus_events_received_total\{event="greeting_edited"\} (\d+)/);
  });

  it('says on /1.0/status that it is connected', async () => {
    const status = (await (await fetch(`${daemon.baseUrl}/1.0/status`)).json()) as { bus: { listener: { state: string } } };
    expect(status.bus.listener.state).toBe('connected');
  });
});

describeWithBroker('the daemon without a reachable bus', () => {
  let database: TestDatabase;
  let daemon: TestDaemon;

  beforeAll(async () => {
    database = await openTestDatabase();
    daemon = await startTestDaemon({ dbUri: database.url, config: { bus: { host: '127.0.0.1', port: await closedPort() } } });
  });
  afterAll(async () => {
    await daemon?.stop();
    await database?.drop();
  });

  it('starts, serves every file and says the bus is down', async () => {
    expect(await text(daemon.tcpPort, 'test/hello.conf')).toBe('Hello World!\n');
    expect(await text(daemon.tcpPort, 'test/hello.conf cached')).toBe('Hello World!\n');
    const status = (await (await fetch(`${daemon.baseUrl}/1.0/status`)).json()) as { bus: { listener: { state: string } } };
    expect(['connecting', 'disconnected']).toContain(status.bus.listener.state);
  });
});
