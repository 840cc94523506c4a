-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "drafterUnit" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "shortForm" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "unitKinds" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Round" ADD COLUMN     "requestDocDate" DATE,
ADD COLUMN     "requestDocIssuer" TEXT,
ADD COLUMN     "requestDocKind" TEXT,
ADD COLUMN     "requestDocNumber" TEXT,
ADD COLUMN     "requestDocSubject" TEXT;

-- CreateTable
CREATE TABLE "ReportOverride" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "sectionKey" TEXT NOT NULL,
    "item" INTEGER,
    "itemKey" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "replacedText" TEXT,
    "dropped" BOOLEAN NOT NULL DEFAULT false,
    "authorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportOverride_roundId_idx" ON "ReportOverride"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportOverride_roundId_sectionKey_itemKey_version_key" ON "ReportOverride"("roundId", "sectionKey", "itemKey", "version");

-- AddForeignKey
ALTER TABLE "ReportOverride" ADD CONSTRAINT "ReportOverride_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportOverride" ADD CONSTRAINT "ReportOverride_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
