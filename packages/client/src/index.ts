export { ClientError } from './client-error.js';
export {
  DEFAULT_CONFIG_FILE,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_TIMEOUT_SECONDS,
  readConfigFile,
  type ConnectionSettings,
} from './client-config.js';
export { parseCommandLine, requestLine, USAGE, type CommandLine } from './command-line.js';
export { fetchFile } from './fetch-file.js';
export { runClient, type ClientIo } from './run-client.js';
