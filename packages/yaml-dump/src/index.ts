export { safeDump, type YamlValue } from './safe-dump.js';
