import { describe, expect, it } from 'vitest';
import { formatKeyPath, validateLayer } from './validate.js';
import { parseYamlFile } from './yaml-file.js';

function problemsOf(yaml: string): string[] {
  // without the "/c.yml:<line>:<column>: " location, tested in load-config.spec.ts
  return validateLayer(parseYamlFile('/c.yml', yaml)).map((problem) => problem.message.replace(/^\/c\.yml:\d+:\d+: /, ''));
}

describe('validateLayer', () => {
  it('accepts the upstream shipped settings and the new keys', () => {
    const yaml = [
      'extra_config_files: /etc/wazo-confgend/conf.d/',
      'debug: false',
      'log_level: info',
      'listen_address: 127.0.0.1',
      'listen_port: 8669',
      'db_uri: postgresql://asterisk:proformatique@localhost/asterisk?application_name=wazo-confgend',
      'templates: {contextsconf: /etc/wazo-confgend/templates/contexts.conf, modulesconf: /etc/wazo-confgend/templates/modules.conf.jinja2}',
      'enabled_asterisk_modules: {app_adsiprog.so: false, chan_sip.so: no}',
      'plugins: {asterisk.pjsip.conf: wazo, asterisk.sip.conf: ~}',
      'rest_api: {enabled: true, listen: 0.0.0.0, port: 8670, tls: whatever}',
      'plugin_dir: /var/lib/wazo-confgend/plugins',
      'plugin_paths: [/opt/driver]',
      'generation_timeout: 2.5',
      'my_own_key: {anything: [1, 2]}',
    ].join('\n');
    expect(problemsOf(yaml)).toEqual([]);
  });

  it('reports each wrong value with its key path', () => {
    const yaml = [
      'debug: 1',
      'listen_port: 8669.5',
      'db_uri: 5',
      'templates: {contextsconf: 3}',
      'enabled_asterisk_modules: {chan_sip.so: maybe}',
      'rest_api: {enabled: "true", port: 0}',
      'plugin_paths: /opt/driver',
      'generation_timeout: 0',
      'cache: ""',
    ].join('\n');
    expect(problemsOf(yaml)).toEqual([
      'debug must be a boolean (true or false), got 1',
      'cache must be a non-empty string, got ""',
      'listen_port must be an integer from 1 to 65535, got 8669.5',
      'db_uri must be a string or null, got 5',
      'templates.contextsconf must be a string, got 3',
      'enabled_asterisk_modules["chan_sip.so"] must be a boolean (true or false), got "maybe"',
      'rest_api.enabled must be a boolean (true or false), got "true"',
      'rest_api.port must be an integer from 1 to 65535, got 0',
      'plugin_paths must be a list, got "/opt/driver"',
      'generation_timeout must be a positive number of seconds, got 0',
    ]);
  });

  it('formats key paths readably', () => {
    expect(formatKeyPath(['plugins', 'asterisk.pjsip.conf'])).toBe('plugins["asterisk.pjsip.conf"]');
    expect(formatKeyPath(['plugin_paths', 2])).toBe('plugin_paths[2]');
    expect(formatKeyPath(['rest_api', 'port'])).toBe('rest_api.port');
  });
});
