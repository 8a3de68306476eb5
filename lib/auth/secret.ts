// AUTH_SECRET when set; otherwise the demo secret generated once by `npm start` under data/.
import { readFileSync } from "node:fs";
import path from "node:path";

const SECRET_FILE = path.join("data", "auth-secret");

export function authSecret(): string {
  const fromEnv = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  try {
    return readFileSync(path.join(process.cwd(), SECRET_FILE), "utf8").trim();
  } catch {
    throw new Error("AUTH_SECRET is not set and data/auth-secret does not exist: run `npm start` or set AUTH_SECRET.");
  }
}
