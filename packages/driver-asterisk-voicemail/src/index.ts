export { VoicemailConfDriver } from './voicemail-conf-driver.js';
