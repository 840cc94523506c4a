-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('TELEGRAM', 'ZALO');

-- AlterEnum
ALTER TYPE "ReminderOutcome" ADD VALUE 'WINDOW_CLOSED';

-- CreateTable
CREATE TABLE "ChannelAccount" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "username" TEXT,
    "lastInboundAt" TIMESTAMP(3),
    "unreachableAt" TIMESTAMP(3),
    "unreachableError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelAccount_pkey" PRIMARY KEY ("id")
);

-- Every existing person was a Telegram user: their Telegram identity becomes their first channel account.
INSERT INTO "ChannelAccount" ("personId", "channel", "externalId", "username", "unreachableAt", "unreachableError", "createdAt")
SELECT "id", 'TELEGRAM', "telegramId"::text, "username", "unreachableAt", "unreachableError", "createdAt" FROM "Person";

-- DropIndex
DROP INDEX "Person_telegramId_key";

-- AlterTable
ALTER TABLE "Person" DROP COLUMN "telegramId",
DROP COLUMN "unreachableAt",
DROP COLUMN "unreachableError",
DROP COLUMN "username";

-- Attempts only matter for ten minutes; the old rows have no sender key.
DELETE FROM "InviteAttempt";

-- DropIndex
DROP INDEX "InviteAttempt_telegramId_createdAt_idx";

-- AlterTable
ALTER TABLE "InviteAttempt" DROP COLUMN "telegramId",
ADD COLUMN     "sender" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "SigningKey" (
    "id" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "SigningKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChannelAccount_personId_idx" ON "ChannelAccount"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelAccount_channel_externalId_key" ON "ChannelAccount"("channel", "externalId");

-- CreateIndex
CREATE INDEX "InviteAttempt_sender_createdAt_idx" ON "InviteAttempt"("sender", "createdAt");

-- AddForeignKey
ALTER TABLE "ChannelAccount" ADD CONSTRAINT "ChannelAccount_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
