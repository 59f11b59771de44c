-- How many times the expert of a match has been asked: each attempt (a staff re-assignment asks again)
-- has its own outbox keys for its card, reminder, expiry and withdrawal.
ALTER TABLE "Match" ADD COLUMN "offers" INTEGER NOT NULL DEFAULT 0;
UPDATE "Match" SET "offers" = 1 WHERE "offeredAt" IS NOT NULL OR "status" IN ('offered', 'accepted', 'declined', 'expired', 'withdrawn');
