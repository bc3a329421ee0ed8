import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ConfgendConfig } from './config/config-types.js';
import { DEFAULT_CONFIG } from './config/defaults.js';
import { ConfgendDriver } from './driver.js';
import type { DriverConstructor } from './driver.js';

class GreetingDriver extends ConfgendDriver {
  generate(): string {
    return `listen_port=${this.config.listen_port}`;
  }
}

/** The seed's example, with no import from core. */
class MyDriver {
  constructor(readonly config: unknown) {}
  generate(): string {
    return 'Hello World!';
  }
}

describe('driver contract', () => {
  it('gives ConfgendDriver subclasses the configuration', () => {
    expect(new GreetingDriver(DEFAULT_CONFIG).generate()).toBe('listen_port=8669');
  });

  it('types both a ConfgendDriver subclass and a plain class as driver constructors', () => {
    expectTypeOf(GreetingDriver).toExtend<DriverConstructor>();
    expectTypeOf(MyDriver).toExtend<DriverConstructor>();
    expectTypeOf<ConstructorParameters<DriverConstructor>>().toEqualTypeOf<[ConfgendConfig]>();
  });
});
