import { describe, expect, it } from 'vitest';
import { TRUNK_OPTION_COLUMNS, trunkOptions } from './trunk-options.js';
import type { IaxTrunk, TrunkOptionColumn } from './trunk-options.js';

const trunk = (columns: Partial<Record<TrunkOptionColumn, string | number | null>>, options: IaxTrunk['options'] = []): IaxTrunk => {
  const empty = Object.fromEntries(TRUNK_OPTION_COLUMNS.map((column) => [column, null])) as Record<TrunkOptionColumn, null>;
  return { ...empty, ...columns, name: 'trunk', options };
};

describe('trunkOptions', () => {
  it('lists the 47 option columns once each, none of the excluded ones', () => {
    expect(new Set(TRUNK_OPTION_COLUMNS).size).toBe(47);
    for (const excluded of ['id', 'name', 'protocol', 'category', 'commented', 'disallow', 'options', 'tenant_uuid']) {
      expect(TRUNK_OPTION_COLUMNS).not.toContain(excluded);
    }
  });

  it('starts with the order the golden file shows: requirecalltoken, then username before allow', () => {
    expect(trunkOptions(trunk({ allow: 'ulaw', username: 'u', requirecalltoken: 'no' }))).toEqual([
      ['requirecalltoken', 'no'],
      ['username', 'u'],
      ['allow', 'ulaw'],
    ]);
  });

  it('prints the boolean integer columns yes or no, the other integers as numbers', () => {
    expect(trunkOptions(trunk({ trunk: 0, adsi: 2, port: 0, maxauthreq: 3 }))).toEqual([
      ['trunk', 'no'],
      ['maxauthreq', '3'],
      ['port', '0'],
      ['adsi', 'yes'],
    ]);
  });

  it('skips NULL and empty values, columns and extra pairs alike, and keeps repeated names', () => {
    expect(trunkOptions(trunk({ secret: '', host: 'h' }, [['host', 'again'], ['a', ''], ['b', null]]))).toEqual([
      ['host', 'h'],
      ['host', 'again'],
    ]);
  });
});
