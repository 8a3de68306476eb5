// The simulation API as the browser calls it (components/rules/simulation-panel.tsx): a same-origin
// POST with the session cookie, the NDJSON stream read to its result line.
type Line = { type: "progress" | "result" | "error"; totalDeals?: number; message?: string };

export async function postSimulation(
  url: string,
  origin: string,
  cookie: string,
  body: unknown,
): Promise<{ totalDeals: number; progressLines: number }> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { cookie, origin, "content-type": "application/json", accept: "application/x-ndjson" },
      body: JSON.stringify(body),
    });
    text = await res.text();
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw new Error(`POST ${url} failed: ${(error as Error).message}${cause ? ` (${String(cause)})` : ""}`);
  }
  if (res.status !== 200) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  const lines = text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
  const last = lines.at(-1);
  if (last?.type !== "result") throw new Error(`the stream ended without a result: ${JSON.stringify(last)}`);
  return { totalDeals: last.totalDeals!, progressLines: lines.filter((l) => l.type === "progress").length };
}
