-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN     "cities" TEXT NOT NULL DEFAULT '[]';
