export type ConfigMapping = Record<string, unknown>;

export function isMapping(value: unknown): value is ConfigMapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Copies mappings so the merged result never aliases a layer (or the frozen defaults). */
function copyValue(value: unknown): unknown {
  if (isMapping(value)) return fillFrom({}, value);
  if (Array.isArray(value)) return [...(value as unknown[])];
  return value;
}

/** Adds to `target` what `layer` has and `target` lacks; mappings present on both sides merge recursively. */
function fillFrom(target: ConfigMapping, layer: ConfigMapping): ConfigMapping {
  for (const [key, value] of Object.entries(layer)) {
    if (!Object.hasOwn(target, key)) {
      // defineProperty, not assignment: a `__proto__` key in a file must stay a plain key
      Object.defineProperty(target, key, { value: copyValue(value), enumerable: true, writable: true, configurable: true });
    } else {
      const current = target[key];
      if (isMapping(current) && isMapping(value)) fillFrom(current, value);
    }
  }
  return target;
}

/**
 * First-wins deep merge, highest-priority layer first, with upstream's rules: only mappings merge;
 * for anything else (scalars, lists, `null`, mapping vs non-mapping) the higher-priority value
 * replaces the lower one wholesale. Missing or `null` layers count as empty.
 */
export function mergeConfig(...layers: ReadonlyArray<ConfigMapping | null | undefined>): ConfigMapping {
  const merged: ConfigMapping = {};
  for (const layer of layers) {
    if (layer) fillFrom(merged, layer);
  }
  return merged;
}
