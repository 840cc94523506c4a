-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "phone" TEXT;
