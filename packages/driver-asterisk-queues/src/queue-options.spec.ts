import { describe, expect, it } from 'vitest';
import { QUEUE_OPTION_COLUMNS, writeQueueOptions } from './queue-options.js';
import type { QueueOptionColumn, QueueOptionValue } from './queue-options.js';

const allNull = () =>
  Object.fromEntries(QUEUE_OPTION_COLUMNS.map((column) => [column, null])) as Record<QueueOptionColumn, QueueOptionValue>;

describe('writeQueueOptions', () => {
  it('writes zero and non-empty values, in column order, and leaves out NULL and empty strings', () => {
    const written: Array<[string, string | number]> = [];
    const values = { ...allNull(), weight: 0, musicclass: '', 'monitor-type': 'no', announce: ' ', strategy: 'ringall' };
    writeQueueOptions(values, (key, value) => written.push([key, value]));
    expect(written).toEqual([
      ['announce', ' '],
      ['monitor-type', 'no'],
      ['strategy', 'ringall'],
      ['weight', 0],
    ]);
  });

  it('never lists the name, category or commented columns', () => {
    expect(QUEUE_OPTION_COLUMNS).not.toContain('name');
    expect(QUEUE_OPTION_COLUMNS).not.toContain('category');
    expect(QUEUE_OPTION_COLUMNS).not.toContain('commented');
  });
});
