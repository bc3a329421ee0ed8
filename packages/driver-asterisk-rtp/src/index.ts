export { RtpConfDriver } from './rtp-conf-driver.js';
