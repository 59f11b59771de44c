-- AlterTable
ALTER TABLE "Match" ADD COLUMN "role" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HelpRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "skills" TEXT NOT NULL DEFAULT '[]',
    "teamKey" TEXT,
    "city" TEXT,
    "district" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'either',
    "windowStart" TEXT,
    "windowEnd" TEXT,
    "kind" TEXT,
    "urgency" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "waitReason" TEXT,
    "teamSize" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "confirmedAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "HelpRequest_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HelpRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HelpRequest_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_HelpRequest" ("chatId", "city", "closedAt", "code", "confirmedAt", "createdAt", "district", "enterpriseId", "id", "kind", "locale", "mode", "requesterId", "skills", "status", "teamKey", "text", "updatedAt", "urgency", "waitReason", "windowEnd", "windowStart") SELECT "chatId", "city", "closedAt", "code", "confirmedAt", "createdAt", "district", "enterpriseId", "id", "kind", "locale", "mode", "requesterId", "skills", "status", "teamKey", "text", "updatedAt", "urgency", "waitReason", "windowEnd", "windowStart" FROM "HelpRequest";
DROP TABLE "HelpRequest";
ALTER TABLE "new_HelpRequest" RENAME TO "HelpRequest";
CREATE UNIQUE INDEX "HelpRequest_code_key" ON "HelpRequest"("code");
CREATE INDEX "HelpRequest_status_idx" ON "HelpRequest"("status");
CREATE INDEX "HelpRequest_chatId_idx" ON "HelpRequest"("chatId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

