import { Document, isScalar, Scalar, visit } from 'yaml';
import type { ScalarTag } from 'yaml';
import { representScalar } from './python-scalar.js';
import { chooseScalarStyle, fitsSimpleKey } from './scalar-style.js';
import { writeScalar } from './scalar-writer.js';

/** What PyYAML's safe_dump can be given here: the JSON shapes, with string keys. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue };

type StringifyContext = Parameters<NonNullable<ScalarTag['stringify']>>[1];

/** Python sorts str keys by code point; JavaScript's `<` compares UTF-16 units. */
export function compareCodePoints(left: string, right: string): number {
  const a = Array.from(left, (ch) => ch.codePointAt(0) ?? 0);
  const b = Array.from(right, (ch) => ch.codePointAt(0) ?? 0);
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}

/**
 * Every scalar goes through PyYAML's own rules: `yaml` lays out the block mappings and sequences,
 * and this tag writes each scalar where `yaml` puts it. Its context gives the place: the
 * continuation indent, and for a mapping value the width of `key: ` before it.
 */
const PYYAML_SCALAR: ScalarTag = {
  tag: 'tag:yaml.org,2002:str',
  default: true,
  identify: (value) => value === null || ['string', 'number', 'boolean'].includes(typeof value),
  resolve: (text) => text,
  stringify: (item, ctx: StringifyContext) => {
    const value = item.value as string | number | boolean | null;
    if (typeof value !== 'string') return representScalar(value);
    const indent = ctx.indent.length;
    const column = ctx.indentAtStart === undefined ? indent : indent - ctx.indentStep.length + ctx.indentAtStart;
    return writeScalar(value, { column, indent, simpleKey: ctx.implicitKey === true });
  },
};

const COLLECTION_TAGS = new Set(['tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

/**
 * The text `yaml.safe_dump(value)` of PyYAML (5.1 and later: block style, keys sorted, sequences
 * not indented under their key, width 80, ASCII only) writes for `value`. One known difference: a
 * key whose escaped form passes 1024 characters (over 102 characters beyond U+FFFF) goes behind
 * `? ` here, as `yaml` insists, where PyYAML keeps it a simple key.
 */
export function safeDump(value: YamlValue): string {
  if (value === null || typeof value !== 'object') return dumpRootScalar(value);
  const document = new Document(value, {
    version: '1.1',
    sortMapEntries: (a, b) => compareCodePoints(String((a.key as Scalar).value), String((b.key as Scalar).value)),
    customTags: (tags) => [PYYAML_SCALAR, ...tags.filter((tag) => typeof tag === 'object' && COLLECTION_TAGS.has(tag.tag))],
  });
  visit(document, {
    Pair(_, pair) {
      // `yaml` puts a block scalar key behind `? `; PyYAML does so for every key that cannot be a simple key.
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && !fitsSimpleKey(pair.key.value)) {
        pair.key.type = Scalar.BLOCK_LITERAL;
      }
    },
  });
  return document.toString({ indentSeq: false, singleQuote: true, lineWidth: 0 });
}

/** A lone plain scalar leaves the document open, so PyYAML closes it with `...`. */
function dumpRootScalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return `${representScalar(value)}\n...\n`;
  const text = writeScalar(value, { column: 0, indent: 2, simpleKey: false });
  return chooseScalarStyle(value, false) === 'plain' ? `${text}\n...\n` : `${text}\n`;
}
