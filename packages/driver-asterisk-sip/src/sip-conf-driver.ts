/**
 * What Asterisk gets for sip.conf: a valid configuration with nothing in it but the reason.
 * Wazo's Asterisk configuration still includes this file, but chan_sip no longer exists.
 */
export const SIP_CONF =
  '; chan_sip is no longer part of Asterisk (removed in Asterisk 21): SIP is configured in pjsip.conf.\n' +
  '; This file is empty on purpose, so that Asterisk still receives a valid file when it asks for it.\n';

/**
 * asterisk/sip.conf: always SIP_CONF, without reading the database. Upstream has no handler for
 * this file and answers with nothing; a file holding only a comment keeps the request a success.
 */
export class SipConfDriver {
  async generate(): Promise<string> {
    return SIP_CONF;
  }
}
