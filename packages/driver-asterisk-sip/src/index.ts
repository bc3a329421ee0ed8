export { SIP_CONF, SipConfDriver } from './sip-conf-driver.js';
