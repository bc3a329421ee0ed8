export { IaxConfDriver } from './iax-conf-driver.js';
