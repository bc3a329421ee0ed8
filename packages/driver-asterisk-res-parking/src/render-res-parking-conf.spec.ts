import { describe, expect, it } from 'vitest';
import { renderResParkingConf } from './render-res-parking-conf.js';

const FIXED =
  'findslot = next\nparkext_exclusive = yes\nparkinghints = yes\ncomebacktoorigin = yes\nparkedplay = caller\n' +
  'parkedcalltransfers = no\nparkedcallreparking = no\nparkedcallhangup = no\nparkedcallrecording = no\n';

describe('renderResParkingConf', () => {
  it('writes the default lot alone without lots', () => {
    expect(renderResParkingConf([])).toBe('[default]\ncontext = wazo-disabled\n');
  });

  it('separates lots by one empty line and writes the varying options first', () => {
    const lot = { slotsStart: '701', slotsEnd: '750', timeout: 45, musicOnHold: 'default', exten: '700', context: 'ctx' };
    expect(renderResParkingConf([{ id: 4, ...lot }, { id: 2, ...lot, timeout: null, musicOnHold: null }])).toBe(
      '[default]\ncontext = wazo-disabled\n\n' +
        `[parkinglot-4]\nparkext = 700\ncontext = ctx\nparkedmusicclass = default\nparkpos = 701-750\nparkingtime = 45\n${FIXED}\n` +
        `[parkinglot-2]\nparkext = 700\ncontext = ctx\nparkedmusicclass =\nparkpos = 701-750\nparkingtime = 0\n${FIXED}`,
    );
  });
});
