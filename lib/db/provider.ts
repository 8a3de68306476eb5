// Which database a DATABASE_URL names. Shared by the runtime client, migrations and scripts.
export type Provider = "sqlite" | "postgresql";

const DEFAULT_DATABASE_URL = "file:./data/accord.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.slice(0, 20)}…"`,
  );
}

export function sqlitePath(url: string): string {
  return url.replace(/^file:/, "");
}
