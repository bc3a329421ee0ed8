import { BlockList, isIP } from 'node:net';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Returns the bare address, or throws unless `host` is a loopback address literal (127.0.0.0/8,
 * ::1): these tools put real load on what they target, so they only ever aim at this machine.
 * Names are refused too, since a resolver could send them elsewhere.
 * @param {string} host
 */
export function assertLoopback(host) {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const version = isIP(bare);
  if (version === 0 || !LOOPBACK.check(bare, version === 4 ? 'ipv4' : 'ipv6')) {
    throw new Error(`refusing to load ${host}: only loopback addresses (127.0.0.0/8, ::1) are allowed`);
  }
  return bare;
}
