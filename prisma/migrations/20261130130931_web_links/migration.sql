-- CreateTable
CREATE TABLE "WebLink" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "roundId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "WebLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebLink_personId_roundId_kind_idx" ON "WebLink"("personId", "roundId", "kind");

-- AddForeignKey
ALTER TABLE "WebLink" ADD CONSTRAINT "WebLink_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebLink" ADD CONSTRAINT "WebLink_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;
