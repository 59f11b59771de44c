// Prisma CLI configuration: the JS schema engine with the libSQL driver adapter, so that
// `prisma migrate deploy|diff|status` and `prisma generate` never download a native engine.
import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/craftbridge.db";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => new PrismaLibSQL({ url: databaseUrl }),
});
