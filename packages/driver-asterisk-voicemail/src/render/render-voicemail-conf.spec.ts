import { describe, expect, it } from 'vitest';
import { renderVoicemailConf } from './render-voicemail-conf.js';

describe('renderVoicemailConf', () => {
  it('ends with two empty lines after zonemessages when there is no mailbox', () => {
    expect(renderVoicemailConf({ settings: [], mailboxes: [] })).toBe('[general]\n\n\n[zonemessages]\n\n\n');
  });

  it('puts each setting under its section and leaves two empty lines after the last block', () => {
    const conf = renderVoicemailConf({
      settings: [
        { category: 'zonemessages', name: 'eu-fr', value: "Europe/Paris|'vm-received' q" },
        { category: 'general', name: 'maxmsg', value: '100' },
      ],
      mailboxes: [{ context: 'ctx', line: '1001 => ,A,,,deletevoicemail=no' }],
    });
    expect(conf).toBe(
      "[general]\nmaxmsg = 100\n\n\n[zonemessages]\neu-fr = Europe/Paris|'vm-received' q\n\n[ctx]\n1001 => ,A,,,deletevoicemail=no\n\n\n",
    );
  });

  it('starts a block at each change of context, so an interleaved context gets two', () => {
    const conf = renderVoicemailConf({
      settings: [],
      mailboxes: [
        { context: 'a', line: '1' },
        { context: 'a', line: '2' },
        { context: 'b', line: '3' },
        { context: 'a', line: '4' },
      ],
    });
    expect(conf).toBe('[general]\n\n\n[zonemessages]\n\n[a]\n1\n2\n\n[b]\n3\n\n[a]\n4\n\n\n');
  });

  it('escapes the line breaks of the general email body, carriage returns included', () => {
    const conf = renderVoicemailConf({
      settings: [
        { category: 'general', name: 'emailbody', value: 'Hello,\r\n\r\nbye\n' },
        { category: 'general', name: 'emailsubject', value: 'a\\nb' },
      ],
      mailboxes: [],
    });
    expect(conf).toBe('[general]\nemailbody = Hello,\\r\\n\\r\\nbye\\n\nemailsubject = a\\nb\n\n\n[zonemessages]\n\n\n');
  });

  it('prints NULL values as None, the email body included, and strips the option line', () => {
    const conf = renderVoicemailConf({
      settings: [
        { category: 'general', name: 'emailbody', value: null },
        { category: 'general', name: 'serveremail', value: '' },
        { category: 'general', name: 'fromstring', value: '  Wazo PBX  ' },
      ],
      mailboxes: [],
    });
    expect(conf).toBe('[general]\nemailbody = None\nserveremail =\nfromstring =   Wazo PBX\n\n\n[zonemessages]\n\n\n');
  });
});
