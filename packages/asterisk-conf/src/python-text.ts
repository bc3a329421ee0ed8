/**
 * Text rules of the upstream Python service that decide bytes in the output.
 */

// Python's str.strip() removes exactly the characters for which str.isspace() is true.
const PYTHON_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const LEADING = new RegExp(`^${PYTHON_SPACE}+`);
const TRAILING = new RegExp(`${PYTHON_SPACE}+$`);

export function pythonStrip(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '');
}

/** What Python's str() prints for the values a database row can hold. */
export function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  return String(value);
}
