-- CreateTable
CREATE TABLE "TemplateUpload" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "checksum" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "TemplateUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TemplateUpload_personId_idx" ON "TemplateUpload"("personId");

-- AddForeignKey
ALTER TABLE "TemplateUpload" ADD CONSTRAINT "TemplateUpload_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
