export { SccpConfDriver } from './sccp-conf-driver.js';
