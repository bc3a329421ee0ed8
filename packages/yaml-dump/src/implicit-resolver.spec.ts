import { describe, expect, it } from 'vitest';
import { resolvesAsNonString } from './implicit-resolver.js';

const CLAIMED = [
  ...['yes', 'NO', 'On', 'off', 'True', 'null', '~', ''],
  ...['0', '-12', '0_7', '017', '0x1f', '0b10', '1_000', '1:30'],
  ...['1.', '-1.5', '6.02e+23', '.inf', '-.Inf', '.nan'],
  ...['2024-01-31', '2024-1-31 9:05:00', '2024-01-31T09:05:00.5Z'],
  ...['<<', '=', '!', '&', '*'],
];

const LEFT_AS_STRINGS = [
  ...['y', 'n', 'Y', 'N', 'yes!', 'TRue', 'nul'],
  ...['08', '019', '1e10', '1.5e10', '0o17', '1:60', '.5.', '2024-01-3'],
  ...['10.0.0.0/8', '=>', '**'],
];

describe('resolvesAsNonString', () => {
  it.each(CLAIMED)('claims %j for another type', (text) => {
    expect(resolvesAsNonString(text)).toBe(true);
  });

  it.each(LEFT_AS_STRINGS)('leaves %j a string', (text) => {
    expect(resolvesAsNonString(text)).toBe(false);
  });
});
