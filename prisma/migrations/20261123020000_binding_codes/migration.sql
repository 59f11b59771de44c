-- CreateTable
CREATE TABLE "BindingCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "expertId" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

