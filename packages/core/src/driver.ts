import type { ConfgendConfig } from './config/config-types.js';

/** What `generate()` may return; anything but a non-empty string counts as "nothing generated". */
export type GenerateResult = string | null | undefined;

/** The driver contract: a class built once with the merged configuration, asked for the file content on every request. */
export interface Driver {
  generate(): GenerateResult | Promise<GenerateResult>;
}

export type DriverConstructor = new (config: ConfgendConfig) => Driver;

/**
 * Optional base class for driver authors who want the types. A plain class with a one-argument
 * constructor and a `generate()` method, importing nothing from core, works the same.
 */
export abstract class ConfgendDriver implements Driver {
  protected readonly config: ConfgendConfig;

  constructor(config: ConfgendConfig) {
    this.config = config;
  }

  abstract generate(): GenerateResult | Promise<GenerateResult>;
}
