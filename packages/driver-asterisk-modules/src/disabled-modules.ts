/** Python's truth test, for values a YAML file can hold. */
function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Compares strings by code point, as Python's sorted() does (UTF-16 order differs past U+FFFF). */
function byCodePoint(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * The modules Asterisk must not load: the keys of `enabled_asterisk_modules` whose value is false
 * (or any other falsy value, as upstream tests it), in code point order. A module absent from the
 * map is left to Asterisk's autoload.
 */
export function disabledModules(enabledAsteriskModules: unknown): string[] {
  if (typeof enabledAsteriskModules !== 'object' || enabledAsteriskModules === null) return [];
  return Object.entries(enabledAsteriskModules)
    .filter(([, enabled]) => !pythonTruthy(enabled))
    .map(([module]) => module)
    .sort(byCodePoint);
}
