/**
 * PyYAML's implicit resolvers (YAML 1.1 as PyYAML reads it): a string that one of them claims
 * would load back as something else, so the dump has to quote it. They differ from the `yaml`
 * package's YAML 1.1 schema: `y`/`n` are not booleans, `1e10` or `08` are not numbers, `=` and
 * `<<` are claimed.
 */
const IMPLICIT_RESOLVERS: readonly RegExp[] = [
  // bool
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  // float (an exponent needs its sign and a mantissa with a dot)
  /^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  // int (a leading 0 means octal, so 08 and 09 are plain strings)
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  // merge
  /^<<$/,
  // null, the empty string included
  /^(?:~|null|Null|NULL|)$/,
  // timestamp
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
  // value
  /^=$/,
  // yaml (documentation only upstream, but it still takes part in the decision)
  /^[!&*]$/,
];

/** Whether PyYAML would read `text`, written plain, as anything but that string. */
export function resolvesAsNonString(text: string): boolean {
  return IMPLICIT_RESOLVERS.some((resolver) => resolver.test(text));
}
