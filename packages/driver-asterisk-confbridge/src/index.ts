export { ConfbridgeConfDriver } from './confbridge-conf-driver.js';
