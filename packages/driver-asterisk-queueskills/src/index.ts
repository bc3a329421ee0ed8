export { QueueskillsConfDriver } from './queueskills-conf-driver.js';
