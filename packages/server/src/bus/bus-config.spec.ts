import { ConfigError } from '@wazo-confgend/core';
import { describe, expect, it } from 'vitest';
import { busConfigErrors, findBusConfigProblems, readBusSettings } from './bus-config.js';

describe('readBusSettings', () => {
  it('is off without a bus block, with a null one, or with enabled: false', () => {
    expect(readBusSettings({})).toBeNull();
    expect(readBusSettings({ bus: null })).toBeNull();
    expect(readBusSettings({ bus: { enabled: false, host: 'rabbit' } })).toBeNull();
  });

  it("fills the missing keys with Wazo's bus defaults", () => {
    expect(readBusSettings({ bus: {} })).toEqual({
      host: 'localhost',
      port: 5672,
      username: 'guest',
      password: 'guest',
      exchangeName: 'wazo-headers',
    });
  });

  it('reads every key of the block and ignores the ones it does not know', () => {
    const config = {
      bus: {
        enabled: true,
        host: '10.0.0.2',
        port: 5673,
        username: 'confgend',
        password: '',
        exchange_name: 'my-headers',
        exchange_type: 'headers',
        subscribe_exchange_name: 'ignored',
      },
    };
    expect(readBusSettings(config)).toEqual({
      host: '10.0.0.2',
      port: 5673,
      username: 'confgend',
      password: '',
      exchangeName: 'my-headers',
    });
  });

  it('throws a ConfigError listing every problem', () => {
    let thrown: unknown;
    try {
      readBusSettings({ bus: { port: 'x', host: '' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).problems.map((error) => error.message)).toEqual([
      'bus.host must be a non-empty string, got ""',
      'bus.port must be an integer from 1 to 65535, got "x"',
    ]);
  });
});

describe('findBusConfigProblems', () => {
  it('names the key of each wrong value', () => {
    const config = {
      bus: { enabled: 'yes', host: 3, port: 70000, username: null, password: 1, exchange_name: '', exchange_type: 'topic' },
    };
    expect(findBusConfigProblems(config)).toEqual([
      { keyPath: ['bus', 'enabled'], expected: 'a boolean (true or false)', got: '"yes"' },
      { keyPath: ['bus', 'host'], expected: 'a non-empty string', got: '3' },
      { keyPath: ['bus', 'port'], expected: 'an integer from 1 to 65535', got: '70000' },
      { keyPath: ['bus', 'username'], expected: 'a string', got: 'null' },
      { keyPath: ['bus', 'password'], expected: 'a string', got: '1' },
      { keyPath: ['bus', 'exchange_name'], expected: 'a non-empty string', got: '""' },
      { keyPath: ['bus', 'exchange_type'], expected: '"headers"', got: '"topic"' },
    ]);
  });

  it('checks the values even when the bus is disabled', () => {
    expect(findBusConfigProblems({ bus: { enabled: false, port: 0 } }).map((found) => found.keyPath.join('.'))).toEqual(['bus.port']);
  });

  it('wants a mapping', () => {
    expect(findBusConfigProblems({ bus: 'amqp://localhost' })).toEqual([
      { keyPath: ['bus'], expected: 'a mapping', got: '"amqp://localhost"' },
    ]);
    expect(findBusConfigProblems({ bus: [] })[0]?.got).toBe('a list');
  });
});

describe('busConfigErrors', () => {
  it('gives configuration errors with the key path in their details', () => {
    const [error] = busConfigErrors({ bus: { port: 0 } });
    expect(error?.code).toBe('WCG_ERR_CONFIG_INVALID');
    expect(error?.details).toEqual({ keyPath: 'bus.port' });
    expect(error?.message).toBe('bus.port must be an integer from 1 to 65535, got 0');
  });
});
