-- CreateTable
CREATE TABLE "ZaloToken" (
    "oaId" TEXT NOT NULL,
    "accessToken" TEXT NOT NULL,
    "refreshToken" TEXT NOT NULL,
    "accessExpiresAt" TIMESTAMP(3) NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,
    "seedHash" TEXT NOT NULL,
    "brokenAt" TIMESTAMP(3),
    "brokenReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ZaloToken_pkey" PRIMARY KEY ("oaId")
);
