/**
 * The number a user dials for an Asterisk pattern: `_*23.` gives `*23` (the leading `_` goes and
 * the pattern is cut at its first `[`, `N`, `X`, `Z`, `!` or `.`). Anything else is kept.
 */
export function cleanExtension(exten: string | number | null | undefined): string {
  if (exten === null || exten === undefined) return '';
  const text = String(exten);
  if (!text.startsWith('_')) return text;
  const pattern = text.slice(1);
  const cut = pattern.search(/[[NXZ!.]/);
  return cut === -1 ? pattern : pattern.slice(0, cut);
}

/**
 * The extension a phone's programmable key dials: the `phoneprogfunckey` prefix, then each
 * non-empty cleaned argument, `*`-joined, where the n-th one has each of its `*` written `**n`.
 * (user 101, service `*25`, prefix `_*735.`) gives `*735101***225`.
 */
export function funcKeyExtension(prefix: string | null, args: readonly (string | number | null)[]): string {
  const parts = args.map(cleanExtension).filter((part) => part !== '');
  return cleanExtension(prefix) + parts.map((part, index) => part.replaceAll('*', `**${index + 1}`)).join('*');
}
