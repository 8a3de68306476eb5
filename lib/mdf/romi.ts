// MDF return on investment (docs/domain.md#mdf): won revenue attributed to the activities a fund
// paid for ÷ what it paid. Pure: lib/db/mdf.ts (mdfRomi) loads the rows, the MDF page, the partner
// scorecard and the council call it.

/** One paid request: what was paid and the ACV of the CLOSED_WON deals linked to it. */
export type RomiInput = {
  fundId: string;
  motion: string | null;
  partnerId: string | null;
  paidCents: bigint;
  wonCents: bigint;
};

export type Romi = {
  paidCents: bigint;
  wonCents: bigint;
  /** won ÷ paid (e.g. 4.2 means $4.20 of won revenue per dollar), null when nothing was paid */
  ratio: number | null;
};

function ratio(won: bigint, paid: bigint): number | null {
  return paid > 0n ? Number(won) / Number(paid) : null;
}

/** ROMI over a set of paid requests. */
export function romi(rows: readonly RomiInput[]): Romi {
  let paid = 0n;
  let won = 0n;
  for (const r of rows) {
    paid += r.paidCents;
    won += r.wonCents;
  }
  return { paidCents: paid, wonCents: won, ratio: ratio(won, paid) };
}

/** ROMI grouped by a key (a fund, a motion or a partner); rows whose key is null are left out. */
export function romiBy(rows: readonly RomiInput[], key: (r: RomiInput) => string | null): Map<string, Romi> {
  const groups = new Map<string, RomiInput[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return new Map([...groups].map(([k, list]) => [k, romi(list)]));
}
