-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "roleBeforeConfig" TEXT;

