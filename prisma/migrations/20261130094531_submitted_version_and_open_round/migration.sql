-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "editedAfterSubmitAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "submittedRevision" INTEGER;

-- Hand-written (src/db/hand-written-objects.ts): at most one open round per organisation, template and
-- period. Rounds opened twice before this index existed must be closed by hand first.
DO $$
DECLARE duplicate text;
BEGIN
  SELECT string_agg(ids, '; ') INTO duplicate FROM (
    SELECT string_agg("id"::text, ', ' ORDER BY "id") AS ids FROM "Round" WHERE "status" = 'OPEN'
    GROUP BY "organisationId", "templateId", "periodKind", "periodYear", "periodNumber" HAVING count(*) > 1
  ) AS twice;
  IF duplicate IS NOT NULL THEN
    RAISE EXCEPTION 'rounds open twice for one report and period (ids %): close all but one, then migrate again', duplicate;
  END IF;
END $$;

CREATE UNIQUE INDEX "Round_open_period_key" ON "Round"("organisationId", "templateId", "periodKind", "periodYear", "periodNumber") WHERE "status" = 'OPEN';
