import { describe, expect, it } from 'vitest';
import type { HintRows } from '../queries/find-hints.js';
import { contextHints, sharedLineHints } from './build-hints.js';

const noRows: HintRows = { sharedLines: [], users: [], conferences: [], funcKeys: [], bsfilters: [] };

describe('sharedLineHints', () => {
  it('starts each user with its mobile state and names lines by kind', () => {
    expect(
      sharedLineHints([
        { user_uuid: 'u', line_name: 'a', kind: 'sip' },
        { user_uuid: 'u', line_name: 'b', kind: 'sccp' },
        { user_uuid: 'u', line_name: 'c', kind: 'custom' },
        { user_uuid: 'u', line_name: 'd', kind: 'none' },
        { user_uuid: 'v', line_name: null, kind: null },
      ]),
    ).toEqual(['exten = u,hint,Custom:u-mobile&PJSIP/a&SCCP/b&c&CUSTOM/d', 'exten = v,hint,Custom:v-mobile']);
  });
});

describe('contextHints', () => {
  it('keeps the first hint of an extension within a context, not across contexts', () => {
    const hints = contextHints(
      {
        ...noRows,
        users: [
          { context: 'a', exten: '1001', argument: 'PJSIP/x' },
          { context: 'a', exten: '1001', argument: 'PJSIP/y' },
          { context: 'b', exten: '1001', argument: 'PJSIP/z' },
        ],
        funcKeys: [{ kind: 'custom', context: 'a', user_id: 1, exten: '1001', argument: null }],
      },
      { progfunckey: '_*735.', bsfilter: '_*37.' },
    );
    expect(hints.get('a')).toEqual(['exten = 1001,hint,PJSIP/x']);
    expect(hints.get('b')).toEqual(['exten = 1001,hint,PJSIP/z']);
  });

  it('puts boss-secretary hints between agent and custom ones', () => {
    const hints = contextHints(
      {
        ...noRows,
        funcKeys: [
          { kind: 'custom', context: 'a', user_id: 1, exten: '9', argument: null },
          { kind: 'agent', context: 'a', user_id: 1, exten: '_*30.', argument: '2' },
        ],
        bsfilters: [{ context: 'a', filtermember_id: 4 }],
      },
      { progfunckey: '_*735.', bsfilter: '_*37.' },
    );
    expect(hints.get('a')).toEqual([
      'exten = *7351***230***32,hint,Custom:*7351***230***32',
      'exten = *374,hint,Custom:*374',
      'exten = 9,hint,Custom:9',
    ]);
  });
});
