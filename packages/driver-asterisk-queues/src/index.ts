export { QueuesConfDriver } from './queues-conf-driver.js';
