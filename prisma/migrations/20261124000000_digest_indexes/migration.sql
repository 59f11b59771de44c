-- CreateIndex
CREATE INDEX "HelpRequest_createdAt_idx" ON "HelpRequest"("createdAt");

-- CreateIndex
CREATE INDEX "Match_offeredAt_idx" ON "Match"("offeredAt");

-- CreateIndex
CREATE INDEX "Match_status_respondedAt_idx" ON "Match"("status", "respondedAt");

-- CreateIndex
CREATE INDEX "Match_introducedAt_idx" ON "Match"("introducedAt");

-- CreateIndex
CREATE INDEX "RequestEvent_type_createdAt_idx" ON "RequestEvent"("type", "createdAt");

