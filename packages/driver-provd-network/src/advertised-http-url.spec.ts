import { describe, expect, it } from 'vitest';
import { advertisedHttpUrl } from './advertised-http-url.js';

const network = { http_base_url: null, net4_ip: null, http_port: null, voip_address: null };

describe('advertisedHttpUrl', () => {
  it('prefers the configured base URL to everything else', () => {
    expect(
      advertisedHttpUrl({ http_base_url: 'https://provd.example.com/p', net4_ip: '10.0.0.1', http_port: 8667, voip_address: '10.0.0.2' }),
    ).toBe('https://provd.example.com/p');
  });

  it('builds the URL from the provisioning IP and port', () => {
    expect(advertisedHttpUrl({ ...network, http_base_url: '', net4_ip: '10.0.0.1', http_port: 8667, voip_address: '10.0.0.2' })).toBe(
      'http://10.0.0.1:8667',
    );
  });

  it('falls back on the VoIP interface address when the provisioning IP is empty or NULL', () => {
    expect(advertisedHttpUrl({ ...network, net4_ip: '', http_port: 8667, voip_address: '10.0.0.2' })).toBe('http://10.0.0.2:8667');
    expect(advertisedHttpUrl({ ...network, voip_address: '10.0.0.2' })).toBe('http://10.0.0.2');
  });

  it('leaves the port out when it is 0', () => {
    expect(advertisedHttpUrl({ ...network, net4_ip: '10.0.0.1', http_port: 0 })).toBe('http://10.0.0.1');
  });

  it('has no URL without an address', () => {
    expect(advertisedHttpUrl({ ...network, net4_ip: '', http_port: 8667, voip_address: '' })).toBeNull();
    expect(advertisedHttpUrl(network)).toBeNull();
  });
});
