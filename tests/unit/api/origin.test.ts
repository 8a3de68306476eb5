import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/api/origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("same-origin check for cookie-authenticated writes", () => {
  it.each([
    [{ host: "accord.example.com", origin: "https://accord.example.com" }, true],
    [{ host: "localhost:3000", origin: "http://localhost:3000" }, true],
    [{ host: "internal:3000", "x-forwarded-host": "accord.example.com", origin: "https://accord.example.com" }, true],
    [{ host: "accord.example.com", origin: "https://evil.example" }, false],
    [{ host: "accord.example.com", origin: "https://accord.example.com.evil.example" }, false],
    [{ host: "accord.example.com", origin: "null" }, false],
    [{ host: "accord.example.com", "sec-fetch-site": "same-origin" }, true],
    [{ host: "accord.example.com", "sec-fetch-site": "cross-site" }, false],
    [{ host: "accord.example.com" }, false],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOrigin(h(headers))).toBe(expected);
  });
});
