export { QueueskillrulesConfDriver } from './queueskillrules-conf-driver.js';
