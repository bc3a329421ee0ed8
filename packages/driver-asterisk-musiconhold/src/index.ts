export { MusiconholdConfDriver, SHIPPED_MUSICONHOLD_TEMPLATE } from './musiconhold-conf-driver.js';
