// The outbox's retry schedule: exponential backoff capped at an hour, with jitter, and giving up
// only after the retry window (lib/outbox/retry.ts).
import { describe, expect, it } from "vitest";
import { afterFailure, errorText, retryDelayMs } from "@/lib/outbox/retry";

const MIN = 60_000;

describe("retryDelayMs", () => {
  it.each([
    [1, 1 * MIN],
    [2, 2 * MIN],
    [3, 4 * MIN],
    [6, 32 * MIN],
    [7, 60 * MIN],
    [40, 60 * MIN],
  ])("after attempt %i waits %i ms (no jitter)", (attempt, ms) => {
    expect(retryDelayMs(attempt, () => 0.5)).toBe(ms);
  });

  it("jitters by ±20 %", () => {
    expect(retryDelayMs(1, () => 0)).toBe(0.8 * MIN);
    expect(retryDelayMs(1, () => 1)).toBe(1.2 * MIN);
    expect(retryDelayMs(30, () => 1)).toBe(72 * MIN);
  });
});

describe("afterFailure", () => {
  const since = new Date("2027-01-01T00:00:00Z");
  it("keeps a message pending inside the retry window, due after the backoff", () => {
    const now = new Date(since.getTime() + 23 * 60 * MIN);
    expect(afterFailure(25, since, now, 24, () => 0.5)).toEqual({
      status: "PENDING",
      nextAttemptAt: new Date(now.getTime() + 60 * MIN),
    });
  });
  it("fails it once it has been failing for the whole window", () => {
    const now = new Date(since.getTime() + 24 * 60 * MIN);
    expect(afterFailure(26, since, now, 24).status).toBe("FAILED");
  });
});

describe("errorText", () => {
  it("is one line, the message without a stack", () => {
    const error = new Error("connect ECONNREFUSED 127.0.0.1:2525\n    at TCPConnectWrap.afterConnect");
    expect(errorText(error)).toBe("connect ECONNREFUSED 127.0.0.1:2525 at TCPConnectWrap.afterConnect");
    expect(errorText("x".repeat(600))).toHaveLength(500);
  });
});
