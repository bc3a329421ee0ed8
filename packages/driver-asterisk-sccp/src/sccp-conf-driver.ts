import { pickupGroupsByEndpoint } from '@wazo-confgend/asterisk-conf';
import { confgendError } from '@wazo-confgend/core';
import { findPickupMemberships } from '@wazo-confgend/dao';
import { splitGeneralSettings } from './general-settings.js';
import { findSccpEndpoints } from './queries/find-sccp-endpoints.js';
import { findSccpGeneralSettings } from './queries/find-sccp-general-settings.js';
import { renderSccpConf } from './render-sccp-conf.js';

/**
 * asterisk/sccp.conf: general settings split into `[general]`, the device template and the line
 * template; every device; every enabled SCCP line of a main user with a main extension; the
 * speed dials made of users' custom function keys. Four queries, whatever the number of rows.
 * Without the `vmusermsg` feature extension upstream's generation fails, and so does this one:
 * the service then keeps the file it had.
 */
export class SccpConfDriver {
  async generate(): Promise<string> {
    // One after the other: the queries share the session's single connection.
    const settings = await findSccpGeneralSettings();
    if (settings === null) {
      throw confgendError('WCG_ERR_GENERATION_FAILED', 'missingData', { problem: 'no vmusermsg feature extension: sccp.conf needs its vmexten' });
    }
    const { lines, devices, speeddials } = await findSccpEndpoints();
    const memberships = await findPickupMemberships('sccp');
    return renderSccpConf({
      settings: splitGeneralSettings(settings),
      devices,
      lines,
      pickupGroups: pickupGroupsByEndpoint(memberships),
      speeddials,
    });
  }
}
