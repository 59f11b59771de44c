-- CreateIndex
CREATE INDEX "Match_outcome_requestId_idx" ON "Match"("outcome", "requestId");

