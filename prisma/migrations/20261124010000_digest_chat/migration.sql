-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DigestRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT,
    "chatId" TEXT,
    "day" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DigestRun_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DigestRun_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_DigestRun" ("day", "id", "personId", "sentAt") SELECT "day", "id", "personId", "sentAt" FROM "DigestRun";
DROP TABLE "DigestRun";
ALTER TABLE "new_DigestRun" RENAME TO "DigestRun";
CREATE UNIQUE INDEX "DigestRun_personId_day_key" ON "DigestRun"("personId", "day");
CREATE UNIQUE INDEX "DigestRun_chatId_day_key" ON "DigestRun"("chatId", "day");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

