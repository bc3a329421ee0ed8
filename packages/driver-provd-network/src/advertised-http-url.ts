import type { ProvdNetwork } from './queries/find-provd-network.js';

/**
 * The URL phones are told to reach provd on, by upstream's precedence: the configured base URL;
 * else http://<ip>[:<port>] with the provisioning IP, or failing that the first VoIP interface's
 * address. Empty strings and a port of 0 count as unset, as they are falsy in Python.
 */
export function advertisedHttpUrl(network: ProvdNetwork): string | null {
  if (network.http_base_url) return network.http_base_url;
  const ip = network.net4_ip || network.voip_address;
  if (!ip) return null;
  return network.http_port ? `http://${ip}:${network.http_port}` : `http://${ip}`;
}
