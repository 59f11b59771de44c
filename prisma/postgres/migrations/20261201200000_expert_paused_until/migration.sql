-- AlterTable
ALTER TABLE "Expert" ADD COLUMN     "pausedUntil" TIMESTAMP(3);

