// Fixed-size bitsets over rule positions (bit i = the i-th rule in priority order), packed 32 to
// a Uint32Array word so that intersecting the sets of many rules costs one AND per 32 rules.

export type Bitset = Uint32Array;

function wordsFor(bits: number): number {
  return (bits + 31) >>> 5;
}

export function emptyBitset(bits: number): Bitset {
  return new Uint32Array(wordsFor(bits));
}

/** A bitset with the first `count` bits set, never the padding bits beyond them. */
export function fullBitset(bits: number, count = bits): Bitset {
  const set = emptyBitset(bits);
  const whole = count >>> 5;
  set.fill(0xffffffff, 0, whole);
  if (count & 31) set[whole] = (1 << (count & 31)) - 1;
  return set;
}

export function setBit(set: Bitset, i: number): void {
  set[i >>> 5] |= 1 << (i & 31);
}

export function clearBit(set: Bitset, i: number): void {
  set[i >>> 5] &= ~(1 << (i & 31));
}

/** Index of the lowest set bit of a non-zero 32-bit word. */
export function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

export function isEmpty(set: Bitset): boolean {
  for (let w = 0; w < set.length; w++) if (set[w] !== 0) return false;
  return true;
}

export function bitsetEquals(a: Bitset, b: Bitset): boolean {
  if (a === b) return true;
  for (let w = 0; w < a.length; w++) if (a[w] !== b[w]) return false;
  return true;
}
