// Prisma CLI configuration. Prisma 6.19 with the JavaScript schema engine and driver adapters:
// nothing is downloaded at install or run time (see README "Schema changes").
import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/accord.db";
const postgres = /^postgres(ql)?:/.test(url);
// The CLI never reads .env when a config file exists, and falls back to downloading a binary when
// the schema's url is unset: give it the resolved default.
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: {
    path: postgres ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations"),
  },
  async adapter() {
    if (postgres) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: url.replace(/^file:/, "") });
  },
});
