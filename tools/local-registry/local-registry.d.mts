export interface LocalRegistryOptions {
  /** Packages of this scope are published locally, with no uplink (default `@wazo-confgend`). */
  scope?: string;
  /** Where every other package is proxied from (default the public npm registry). */
  uplink?: string;
  readyTimeoutMs?: number;
}

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly port: number;
  readonly pid: number | undefined;
  /** An npm user config (registry, token, cache) to pass with `--userconfig`. */
  readonly userconfig: string;
  /** The temporary directory holding storage, config and npm cache; removed by stop(). */
  readonly dir: string;
  output(): string;
  /** Stops verdaccio by its PID and removes its directory. */
  stop(): Promise<void>;
}

export function startLocalRegistry(options?: LocalRegistryOptions): Promise<LocalRegistry>;
