const HINT = /^exten = [^,]*,hint,/;

/**
 * The comparison rule of the shared confdiff tool for extensions.conf: hint lines may come in
 * any order within their context (upstream leaves it to the query plan). Each run of hint lines
 * is sorted in place, so everything else, hints' positions included, still compares exactly.
 */
export function withHintsInOrder(text: string): string {
  const lines = text.split('\n');
  const result: string[] = [];
  let run: string[] = [];
  for (const line of lines) {
    if (HINT.test(line)) {
      run.push(line);
      continue;
    }
    result.push(...run.sort(), line);
    run = [];
  }
  result.push(...run.sort());
  return result.join('\n');
}
