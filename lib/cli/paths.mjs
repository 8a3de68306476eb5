import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = {
  next: path.join(root, "node_modules", "next", "dist", "bin", "next"),
  tsx: path.join(root, "node_modules", "tsx", "dist", "cli.mjs"),
  vitest: path.join(root, "node_modules", "vitest", "vitest.mjs"),
  eslint: path.join(root, "node_modules", "eslint", "bin", "eslint.js"),
  playwright: path.join(root, "node_modules", "@playwright", "test", "cli.js"),
  prettier: path.join(root, "node_modules", "prettier", "bin", "prettier.cjs"),
  knip: path.join(root, "node_modules", "knip", "bin", "knip.js"),
};
