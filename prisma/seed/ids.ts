// Deterministic ids for seeded rows. They keep the shape of a cuid ("c" then lower-case letters and
// digits, no separators), so code that validates ids as cuids accepts them, and they stay readable:
// "creg000123" is registration 123.

export function seedId(kind: string, n: number): string {
  return `c${kind}${String(n).padStart(6, "0")}`;
}

/** Hands out ids of one kind in order: ids.next() → "copp000001", "copp000002", … */
export class IdSequence {
  private n = 0;

  constructor(private readonly kind: string) {}

  next(): string {
    this.n += 1;
    return seedId(this.kind, this.n);
  }
}
