-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "payload" TEXT;
