// Lists of numeric keys kept sorted (Float64Array): the delivered filter's addresses while it has
// no bits (./delivered-set.ts).

/** The keys sorted in place, each kept once: the start of `keys` that then holds them. */
export function unique(keys: Float64Array): Float64Array {
  keys.sort();
  let n = 0;
  for (let k = 0; k < keys.length; k++) if (n === 0 || keys[k] !== keys[n - 1]) keys[n++] = keys[k]!;
  return keys.subarray(0, n);
}

/** Two sorted lists of unique keys as one. */
export function union(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    out[n++] = x <= y ? x : y;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  while (i < a.length) out[n++] = a[i++]!;
  while (j < b.length) out[n++] = b[j++]!;
  return out.subarray(0, n);
}

/** The first index of sorted `keys` whose key is `key` or more. */
export function lowerBound(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
