-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Match" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" INTEGER NOT NULL,
    "expertId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'candidate',
    "offeredAt" DATETIME,
    "remindedAt" DATETIME,
    "respondedAt" DATETIME,
    "introducedAt" DATETIME,
    "assignedBy" TEXT NOT NULL DEFAULT 'system',
    "outcome" TEXT,
    "rating" INTEGER,
    "feedback" TEXT,
    "followedUpAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Match_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Match_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Match" ("createdAt", "expertId", "id", "introducedAt", "offeredAt", "rank", "reasons", "remindedAt", "requestId", "respondedAt", "score", "status", "updatedAt") SELECT "createdAt", "expertId", "id", "introducedAt", "offeredAt", "rank", "reasons", "remindedAt", "requestId", "respondedAt", "score", "status", "updatedAt" FROM "Match";
DROP TABLE "Match";
ALTER TABLE "new_Match" RENAME TO "Match";
CREATE INDEX "Match_expertId_status_idx" ON "Match"("expertId", "status");
CREATE UNIQUE INDEX "Match_requestId_expertId_key" ON "Match"("requestId", "expertId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

