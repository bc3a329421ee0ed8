import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfgendError, ConfigError, describeError, confgendError } from '../errors.js';
import type { ConfgendConfig, LogLevel } from './config-types.js';
import { DEFAULT_CONFIG } from './defaults.js';
import { mergeConfig } from './merge.js';
import { validateLayer } from './validate.js';
import { parseYamlFile } from './yaml-file.js';
import type { YamlFile } from './yaml-file.js';

export interface LoadedConfig {
  config: ConfgendConfig;
  /** Files read, highest priority first. */
  files: string[];
  /** Non-fatal findings, e.g. the main config file is missing. */
  warnings: string[];
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function ioProblem(path: string, what: string, error: unknown): ConfgendError {
  return confgendError('WCG_ERR_CONFIG_INVALID', 'unreadable', { file: path, what, reason: describeError(error) }, { cause: error, details: { file: path } });
}

function byteOrder(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left), Buffer.from(right));
}

/**
 * Parses and validates one file, adding what is wrong to `problems`. A file that parses is
 * returned even with wrong values, so the main file still says where conf.d is.
 */
function parseLayer(path: string, text: string, problems: ConfgendError[]): YamlFile | undefined {
  try {
    const file = parseYamlFile(path, text);
    problems.push(...validateLayer(file));
    return file;
  } catch (error) {
    problems.push(error instanceof ConfgendError ? error : ioProblem(path, 'the file', error));
    return undefined;
  }
}

/** The names under `directory` that upstream reads: `*.yml`, no dot-files, in byte order. */
async function listExtraFiles(directory: string, problems: ConfgendError[]): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    problems.push(ioProblem(directory, 'the directory', error));
    return [];
  }
  return names
    .filter((name) => !name.startsWith('.') && name.endsWith('.yml'))
    .sort(byteOrder)
    .map((name) => join(directory, name));
}

function postProcess(merged: Record<string, unknown>, configFile: string): ConfgendConfig {
  const config = merged as ConfgendConfig;
  config.config_file = configFile;
  if (config.listen_address === '*') config.listen_address = '';
  if (config.rest_api.listen === '*') config.rest_api = { ...config.rest_api, listen: '' };
  config.log_level = config.debug ? 'debug' : (String(config.log_level).toLowerCase() as LogLevel);
  return config;
}

/**
 * Reads `configFile` and the `*.yml` files of its `extra_config_files` directory with upstream's
 * priorities (the first conf.d file in byte order wins, then later ones, then the main file, then
 * the defaults). Throws a `ConfigError` listing every problem found in every file.
 *
 * Deviation from upstream: a conf.d file that cannot be read or parsed is an error, not skipped,
 * because silently dropping e.g. a `plugins` override would change which driver serves a file.
 */
export async function loadConfig(configFile: string): Promise<LoadedConfig> {
  const problems: ConfgendError[] = [];
  const warnings: string[] = [];
  const files: string[] = [];

  let main: YamlFile | undefined;
  let mainText: string | undefined;
  try {
    mainText = await readFile(configFile, 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') problems.push(ioProblem(configFile, 'the configuration file', error));
    else warnings.push(`${configFile}: configuration file not found, using the built-in defaults`);
  }
  if (mainText !== undefined) main = parseLayer(configFile, mainText, problems);

  const directoryValue = main?.value['extra_config_files'];
  const directory = typeof directoryValue === 'string' ? directoryValue : DEFAULT_CONFIG.extra_config_files;
  const extraLayers: YamlFile[] = [];
  for (const path of await listExtraFiles(directory, problems)) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      problems.push(ioProblem(path, 'the file', error));
      continue;
    }
    const layer = parseLayer(path, text, problems);
    if (layer) {
      extraLayers.push(layer);
      files.push(path);
    }
  }
  if (main) files.push(configFile);

  if (problems.length > 0) throw new ConfigError(problems);
  const merged = mergeConfig(...extraLayers.map((layer) => layer.value), main?.value, DEFAULT_CONFIG);
  return { config: postProcess(merged, configFile), files, warnings };
}
