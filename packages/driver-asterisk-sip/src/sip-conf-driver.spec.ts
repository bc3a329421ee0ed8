import { describe, expect, it } from 'vitest';
import { SipConfDriver } from './sip-conf-driver.js';

describe('SipConfDriver', () => {
  // Called outside any transaction scope: a database query would be refused, so it reads nothing.
  it('returns only comment lines saying that chan_sip is gone and pjsip.conf configures SIP', async () => {
    expect(await new SipConfDriver().generate()).toBe(
      '; chan_sip is no longer part of Asterisk (removed in Asterisk 21): SIP is configured in pjsip.conf.\n' +
        '; This file is empty on purpose, so that Asterisk still receives a valid file when it asks for it.\n',
    );
  });
});
