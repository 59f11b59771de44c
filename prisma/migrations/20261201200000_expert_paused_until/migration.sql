-- AlterTable
ALTER TABLE "Expert" ADD COLUMN "pausedUntil" DATETIME;

