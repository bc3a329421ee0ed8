/**
 * How PyYAML's SafeRepresenter writes the non-string scalars. A JavaScript number with no
 * fractional part is written as a Python int would be (JavaScript cannot tell 1 from 1.0).
 */
export function representScalar(value: number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  if (Number.isInteger(value)) return BigInt(value).toString();
  const repr = pythonFloatRepr(value);
  // A float must keep a dot to load back as a float: 1e-07 becomes 1.0e-07.
  return repr.includes('.') ? repr : repr.replace('e', '.0e');
}

/**
 * Python's repr() of a finite float with a fractional part (so below 2**53): the shortest digits,
 * in exponent form below 1e-4.
 */
function pythonFloatRepr(value: number): string {
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  if (exponent < -4) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${fraction}e-${String(-exponent).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}
