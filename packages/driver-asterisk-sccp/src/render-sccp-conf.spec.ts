import { describe, expect, it } from 'vitest';
import { renderSccpConf } from './render-sccp-conf.js';
import type { SccpConfData } from './render-sccp-conf.js';

const speeddial = (user_id: number, fknum: number, device: string) => ({ user_id, fknum, device, exten: '1', label: null, supervision: 1 });

const data = (speeddials: SccpConfData['speeddials']): SccpConfData => ({
  settings: { general: [], device: [], line: [] },
  devices: [{ id: 1, name: 'SEP1', device: 'd1', line: '', voicemail: null }],
  lines: [],
  pickupGroups: new Map(),
  speeddials,
});

describe('renderSccpConf', () => {
  it('lists the speed dials of a device by key number, equal numbers in query order', () => {
    const rendered = renderSccpConf(data([speeddial(2, 2, 'd1'), speeddial(1, 1, 'd1'), speeddial(3, 1, 'd1'), speeddial(4, 1, 'other')]));
    expect(rendered).toContain('[SEP1](xivo_device_tpl)\ntype = device\nspeeddial = 1-1\nspeeddial = 3-1\nspeeddial = 2-2\n\n');
  });

  it('writes the speed dial sections in query order, one writer separating them', () => {
    const rendered = renderSccpConf(data([speeddial(2, 2, 'd1'), speeddial(1, 1, 'd1')]));
    expect(rendered.endsWith('[2-2]\ntype = speeddial\nextension = 1\nblf = 1\n\n\n[1-1]\ntype = speeddial\nextension = 1\nblf = 1\n\n')).toBe(true);
  });
});
