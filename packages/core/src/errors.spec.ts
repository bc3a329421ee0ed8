import { describe, expect, it } from 'vitest';
import { ConfgendError, ConfigError, describeError, isConfgendError } from './errors.js';

describe('ConfgendError', () => {
  it('carries a code, details and a cause, and serialises to {code, message, details}', () => {
    const cause = new Error('boom');
    const error = new ConfgendError('WCG_ERR_CACHE_IO', 'cannot write', { cause, details: { path: '/x' } });
    expect(error.name).toBe('ConfgendError');
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({ code: 'WCG_ERR_CACHE_IO', message: 'cannot write', details: { path: '/x' } });
    expect(Object.isFrozen(error.details)).toBe(true);
  });

  it('has no cause property when none is given', () => {
    expect('cause' in new ConfgendError('WCG_ERR_UNKNOWN_FILE', 'x')).toBe(false);
  });

  it('is recognised by instanceof across copies of core through the process-wide brand', () => {
    // what another copy of core would create: same brand, unrelated prototype chain
    const foreign = Object.assign(new Error('from another copy'), { code: 'WCG_ERR_DRIVER_LOAD' });
    Object.defineProperty(foreign, Symbol.for('wazo-confgend.error'), { value: ['ConfgendError'] });
    expect(foreign instanceof ConfgendError).toBe(true);
    expect(isConfgendError(foreign)).toBe(true);
    expect(foreign instanceof ConfigError).toBe(false);
  });

  it('does not recognise plain errors or look-alikes without the brand', () => {
    expect(new Error('x') instanceof ConfgendError).toBe(false);
    expect(isConfgendError({ code: 'WCG_ERR_DRIVER_LOAD', message: 'x' })).toBe(false);
    expect(isConfgendError(null)).toBe(false);
  });
});

describe('ConfigError', () => {
  const yamlProblem = new ConfgendError('WCG_ERR_CONFIG_YAML', 'a.yml:1:1: invalid YAML');
  const typeProblem = new ConfgendError('WCG_ERR_CONFIG_INVALID', 'b.yml:2:3: listen_port must be an integer');

  it('lists every problem in its message and details', () => {
    const error = new ConfigError([yamlProblem, typeProblem]);
    expect(error.code).toBe('WCG_ERR_CONFIG_INVALID');
    expect(error.message).toContain('2 problems');
    expect(error.message).toContain('a.yml:1:1');
    expect(error.message).toContain('b.yml:2:3');
    expect(error.problems).toEqual([yamlProblem, typeProblem]);
    expect(error.details['problems']).toHaveLength(2);
  });

  it('takes the code of its problems when they all share one', () => {
    expect(new ConfigError([yamlProblem]).code).toBe('WCG_ERR_CONFIG_YAML');
  });

  it('is both a ConfigError and a ConfgendError', () => {
    const error = new ConfigError([typeProblem]);
    expect(error instanceof ConfigError).toBe(true);
    expect(error instanceof ConfgendError).toBe(true);
    expect(new ConfgendError('WCG_ERR_CONFIG_YAML', 'x') instanceof ConfigError).toBe(false);
  });
});

describe('describeError', () => {
  it('describes errors, strings and other values', () => {
    expect(describeError(new Error('m'))).toBe('m');
    expect(describeError('s')).toBe('s');
    expect(describeError({ a: 1 })).toBe('{"a":1}');
    expect(describeError(undefined)).toBe('undefined');
  });
});
