-- CreateIndex
CREATE INDEX "Expert_updatedAt_idx" ON "Expert"("updatedAt");

-- CreateIndex
CREATE INDEX "Availability_createdAt_idx" ON "Availability"("createdAt");

-- CreateIndex
CREATE INDEX "Match_status_updatedAt_expertId_idx" ON "Match"("status", "updatedAt", "expertId");

