import { describe, expect, it } from 'vitest';
import { compareCodePoints, safeDump } from './safe-dump.js';

// Every expected text below is what PyYAML 6's yaml.safe_dump writes for the same value.
const asValue = (text: string) => safeDump({ k: text });

describe('safeDump: the shapes of the generated files', () => {
  it('writes a one-key map', () => {
    expect(safeDump({ uuid: '11111111-2222-4333-8444-555555555555' })).toBe(
      'uuid: 11111111-2222-4333-8444-555555555555\n',
    );
  });

  it('writes nested maps indented by two and a URL with colons plainly', () => {
    expect(safeDump({ general: { advertised_http_url: 'http://10.1.1.1:8667' } })).toBe(
      'general:\n  advertised_http_url: http://10.1.1.1:8667\n',
    );
  });

  it('does not indent a sequence under its key', () => {
    expect(safeDump({ rest_api: { authorized_subnets: ['10.0.0.0/8', '192.168.0.0/16'] } })).toBe(
      'rest_api:\n  authorized_subnets:\n  - 10.0.0.0/8\n  - 192.168.0.0/16\n',
    );
  });

  it('writes empty collections in flow style', () => {
    expect(safeDump({})).toBe('{}\n');
    expect(safeDump([])).toBe('[]\n');
    expect(safeDump({ rest_api: { authorized_subnets: [] } })).toBe('rest_api:\n  authorized_subnets: []\n');
    expect(safeDump({ a: {}, b: [[]] })).toBe('a: {}\nb:\n- []\n');
  });

  it('sorts keys by code point, at every level', () => {
    expect(safeDump({ b: 1, a: { z: 1, B: 2, _: 3 }, A: 0 })).toBe('A: 0\na:\n  B: 2\n  _: 3\n  z: 1\nb: 1\n');
    expect(safeDump({ '\u{1F600}': 1, '\uE000': 2, é: 3 })).toBe('"\\xE9": 3\n"\\uE000": 2\n"\\U0001F600": 1\n');
    expect(compareCodePoints('\u{1F600}', '\uE000')).toBeGreaterThan(0);
  });

  it('nests maps and sequences the way PyYAML does', () => {
    expect(safeDump([{ b: 1, a: [1, 2] }, [['x']], 'y'])).toBe('- a:\n  - 1\n  - 2\n  b: 1\n- - - x\n- y\n');
    expect(safeDump({ a: { b: [{ c: 'd', e: [] }] } })).toBe('a:\n  b:\n  - c: d\n    e: []\n');
  });
});

describe('safeDump: scalars other than strings', () => {
  it('writes None and booleans as YAML words', () => {
    expect(safeDump({ a: null, b: true, c: false, d: [null, false] })).toBe(
      'a: null\nb: true\nc: false\nd:\n- null\n- false\n',
    );
  });

  it('writes integers and floats as Python repr does', () => {
    expect(safeDump([0, -5, 8667, 3.5, -0.25, 0.0001, 1e-7, 1.5e-10, 1e20])).toBe(
      '- 0\n- -5\n- 8667\n- 3.5\n- -0.25\n- 0.0001\n- 1.0e-07\n- 1.5e-10\n- 100000000000000000000\n',
    );
    expect(safeDump([NaN, Infinity, -Infinity])).toBe('- .nan\n- .inf\n- -.inf\n');
  });

  it('closes a document that is one plain scalar with ...', () => {
    expect(safeDump('foo')).toBe('foo\n...\n');
    expect(safeDump(null)).toBe('null\n...\n');
    expect(safeDump(7)).toBe('7\n...\n');
    expect(safeDump('yes')).toBe("'yes'\n");
  });
});

describe('safeDump: quoting strings', () => {
  it.each([
    ['yes', "'yes'"],
    ['No', "'No'"],
    ['on', "'on'"],
    ['OFF', "'OFF'"],
    ['true', "'true'"],
    ['null', "'null'"],
    ['Null', "'Null'"],
    ['~', "'~'"],
    ['', "''"],
    ['123', "'123'"],
    ['-5', "'-5'"],
    ['0123', "'0123'"],
    ['0x1F', "'0x1F'"],
    ['0b101', "'0b101'"],
    ['1_000', "'1_000'"],
    ['1.5', "'1.5'"],
    ['.5', "'.5'"],
    ['1.5e+10', "'1.5e+10'"],
    ['.inf', "'.inf'"],
    ['.NaN', "'.NaN'"],
    ['12:30', "'12:30'"],
    ['2001-12-14', "'2001-12-14'"],
    ['2001-12-14 21:59:43.10 -5', "'2001-12-14 21:59:43.10 -5'"],
    ['=', "'='"],
    ['<<', "'<<'"],
    ['*', "'*'"],
    ['&', "'&'"],
    ['!', "'!'"],
  ])('quotes %j, which would load back as another type', (text, written) => {
    expect(asValue(text)).toBe(`k: ${written}\n`);
  });

  const PLAIN = ['y', 'n', 'Y', 'N', '08', '09', '1e10', '1.5e10', '0o17', 'nulls', 'TrUe', '10.0.0.0/8', 'a:b', 'http://h:80', '::1'];
  it.each(PLAIN)('leaves %j plain: PyYAML reads it as a string', (text) => {
    expect(asValue(text)).toBe(`k: ${text}\n`);
    expect(safeDump({ [text]: 'v' })).toBe(`${text}: v\n`);
  });

  it.each([
    ['a: b', "'a: b'"],
    ['a:', "'a:'"],
    [': a', "': a'"],
    ['- a', "'- a'"],
    ['-', "'-'"],
    ['? a', "'? a'"],
    ['#x', "'#x'"],
    ['a #b', "'a #b'"],
    ['[a]', "'[a]'"],
    ['{a}', "'{a}'"],
    [',a', "',a'"],
    ['%x', "'%x'"],
    ['@x', "'@x'"],
    ['`x', "'`x'"],
    ['|x', "'|x'"],
    ['>x', "'>x'"],
    ['"d"', "'\"d\"'"],
    ["'q'", "'''q'''"],
    ["it's", "it's"],
    ['---', "'---'"],
    ['...', "'...'"],
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
    ['a#b', 'a#b'],
    ['a,b', 'a,b'],
    ['a  b', 'a  b'],
  ])('writes %j as %s, by its indicators and spaces', (text, written) => {
    expect(asValue(text)).toBe(`k: ${written}\n`);
  });

  it('escapes in double quotes what is not printable ASCII (allow_unicode is off)', () => {
    expect(asValue('a\tb')).toBe('k: "a\\tb"\n');
    expect(asValue('café')).toBe('k: "caf\\xE9"\n');
    expect(asValue('€')).toBe('k: "\\u20AC"\n');
    expect(asValue('\u{1F600}')).toBe('k: "\\U0001F600"\n');
    expect(asValue('x\u00a0y')).toBe('k: "x\\_y"\n');
    expect(asValue('\u0085')).toBe('k: "\\N"\n');
    expect(asValue('a"b\\é')).toBe('k: "a\\"b\\\\\\xE9"\n');
    expect(asValue('\x00\x7f')).toBe('k: "\\0\\x7F"\n');
  });

  it('writes line breaks in single quotes, doubled and indented, or escaped once spaces touch them', () => {
    expect(asValue('a\nb')).toBe("k: 'a\n\n  b'\n");
    expect(asValue('a\n\nb')).toBe("k: 'a\n\n\n  b'\n");
    expect(safeDump(['a\n'])).toBe("- 'a\n\n  '\n");
    expect(asValue('a \nb')).toBe('k: "a \\nb"\n');
    expect(asValue('a\n b')).toBe('k: "a\\n b"\n');
  });

  it('puts a key it cannot write plainly behind ?', () => {
    expect(safeDump({ '': 'v' })).toBe("? ''\n: v\n");
    expect(safeDump({ 'a\nb': [1, 2] })).toBe("? 'a\n\n  b'\n: - 1\n  - 2\n");
    expect(safeDump({ ['k'.repeat(123)]: 'v' })).toBe(`? ${'k'.repeat(123)}\n: v\n`);
    expect(safeDump({ ['k'.repeat(122)]: 'v' })).toBe(`${'k'.repeat(122)}: v\n`);
    expect(safeDump({ yes: 1, 'a: b': 2 })).toBe("'a: b': 2\n'yes': 1\n");
  });
});

describe('safeDump: long strings', () => {
  const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`).join(' ');

  it('splits a plain string at the first single space past column 80, under the value indent', () => {
    expect(safeDump({ key: words(30) })).toBe(
      'key: w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21\n' +
        '  w22 w23 w24 w25 w26 w27 w28 w29\n',
    );
    expect(safeDump({ a: { b: [words(28)] } })).toBe(
      'a:\n  b:\n  - w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21\n' +
        '    w22 w23 w24 w25 w26 w27\n',
    );
  });

  it('never splits a key, nor a string without spaces', () => {
    expect(safeDump({ [words(30)]: 1 })).toBe(`${words(30)}: 1\n`);
    const url = `http://provd.example.com/${'x'.repeat(100)}`;
    expect(safeDump({ url })).toBe(`url: ${url}\n`);
  });

  it('splits quoted strings too, a double-quoted one with an escaped break', () => {
    expect(safeDump({ key: `${words(30)}: x` })).toBe(
      "key: 'w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 w21\n" +
        "  w22 w23 w24 w25 w26 w27 w28 w29: x'\n",
    );
    expect(safeDump({ key: `é ${words(30)}` })).toBe(
      'key: "\\xE9 w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20\\\n' +
        '  \\ w21 w22 w23 w24 w25 w26 w27 w28 w29"\n',
    );
  });
});
