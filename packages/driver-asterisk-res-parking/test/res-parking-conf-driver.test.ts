import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@wazo-confgend/dao/testing';
import { driverConfig, generateWithDriver } from '@wazo-confgend/testing';
import { ResParkingConfDriver } from '../src/index.js';

const DEFAULT = '[default]\ncontext = wazo-disabled\n';
const FIXED =
  'findslot = next\nparkext_exclusive = yes\nparkinghints = yes\ncomebacktoorigin = yes\nparkedplay = caller\n' +
  'parkedcalltransfers = no\nparkedcallreparking = no\nparkedcallhangup = no\nparkedcallrecording = no\n';

const lot = (id: number, start: string, end: string, timeout: number | null, moh: string | null, tenant = 't1') =>
  `INSERT INTO parking_lot (id, tenant_uuid, name, slots_start, slots_end, timeout, music_on_hold)
   VALUES (${id}, '${tenant}', 'lot ${id}', '${start}', '${end}', ${timeout ?? 'NULL'}, ${moh === null ? 'NULL' : `'${moh}'`})`;

const extension = (id: number, context: string, exten: string, type: string, typeval: string, commented = 0) =>
  `INSERT INTO extensions (id, commented, context, exten, type, typeval)
   VALUES (${id}, ${commented}, '${context}', '${exten}', '${type}', '${typeval}')`;

describe('ResParkingConfDriver', () => {
  const database = useTestDatabase({ beforeAll, afterAll });
  const generate = async () => String(await generateWithDriver(ResParkingConfDriver, driverConfig(), database.dataSource));
  const insert = async (...statements: string[]) => {
    for (const statement of statements) await database.execute(statement);
  };

  afterEach(async () => {
    await database.execute('DELETE FROM parking_lot');
    await database.execute('DELETE FROM extensions');
  });

  it('writes only the default lot, with no empty line after it, when there is no parking lot', async () => {
    expect(await generate()).toBe(DEFAULT);
  });

  it('leaves out a lot without parking extension, and ignores extensions of other types', async () => {
    await insert(
      lot(1, '701', '750', 45, 'default'),
      extension(1, 'ctx', '1001', 'user', '1'),
      extension(2, 'ctx', '7000', 'parking', '01'),
    );
    expect(await generate()).toBe(DEFAULT);
  });

  it('writes every lot of every tenant with its own slot range, in physical order, an edited lot last', async () => {
    await insert(
      lot(3, '801', '810', 30, 'jazz', 'tenant-a'),
      lot(1, '701', '750', 45, 'default', 'tenant-b'),
      lot(2, '9001', '9100', 60, 'rock', 'tenant-a'),
      extension(1, 'tenant-b-internal', '700', 'parking', '1'),
      extension(2, 'tenant-a-internal', '800', 'parking', '3'),
      extension(3, 'tenant-a-internal', '9000', 'parking', '2'),
      `UPDATE parking_lot SET timeout = 40 WHERE id = 3`,
    );
    expect(await generate()).toBe(
      `${DEFAULT}\n` +
        '[parkinglot-1]\nparkext = 700\ncontext = tenant-b-internal\nparkedmusicclass = default\nparkpos = 701-750\n' +
        `parkingtime = 45\n${FIXED}\n` +
        '[parkinglot-2]\nparkext = 9000\ncontext = tenant-a-internal\nparkedmusicclass = rock\nparkpos = 9001-9100\n' +
        `parkingtime = 60\n${FIXED}\n` +
        '[parkinglot-3]\nparkext = 800\ncontext = tenant-a-internal\nparkedmusicclass = jazz\nparkpos = 801-810\n' +
        `parkingtime = 40\n${FIXED}`,
    );
  });

  it('writes no hold music class and a parking time of 0 for NULL values', async () => {
    await insert(lot(1, '701', '702', null, null), lot(2, '801', '802', 0, ''), extension(1, 'ctx', '700', 'parking', '1'), extension(2, 'ctx', '800', 'parking', '2'));
    expect(await generate()).toBe(
      `${DEFAULT}\n[parkinglot-1]\nparkext = 700\ncontext = ctx\nparkedmusicclass =\nparkpos = 701-702\nparkingtime = 0\n${FIXED}` +
        `\n[parkinglot-2]\nparkext = 800\ncontext = ctx\nparkedmusicclass =\nparkpos = 801-802\nparkingtime = 0\n${FIXED}`,
    );
  });

  it('takes the first parking extension in physical order, commented or not', async () => {
    await insert(
      lot(1, '701', '750', 45, 'default'),
      extension(5, 'ctx-b', '705', 'parking', '1', 1),
      extension(2, 'ctx-a', '702', 'parking', '1'),
      lot(2, '801', '850', 45, 'default'),
      extension(3, 'ctx-a', '803', 'parking', '2'),
      extension(4, 'ctx-b', '804', 'parking', '2'),
      `UPDATE extensions SET commented = 0 WHERE id = 3`,
    );
    const conf = await generate();
    expect(conf).toContain('[parkinglot-1]\nparkext = 705\ncontext = ctx-b\n');
    expect(conf).toContain('[parkinglot-2]\nparkext = 804\ncontext = ctx-b\n');
  });
});
