// Prisma CLI configuration: the JS schema engine with the libSQL driver adapter, so that
// `prisma migrate deploy|diff|status` and `prisma generate` never download a native engine.
// The database URL comes from the bot's own configuration, the one reader of the environment.
import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";
import { loadConfig } from "./core/config.ts";
import { resolveSqliteUrl } from "./prisma/sqlite-url.ts";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaLibSQL({ url: resolveSqliteUrl(loadConfig().DATABASE_URL) }),
});
