-- CreateTable
CREATE TABLE "ServiceTeam" (
    "key" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceTeam_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Expert" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "honours" TEXT NOT NULL DEFAULT '[]',
    "employer" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "district" TEXT,
    "teamKey" TEXT,
    "skills" TEXT NOT NULL DEFAULT '[]',
    "achievements" TEXT NOT NULL DEFAULT '',
    "canOnsite" BOOLEAN NOT NULL DEFAULT true,
    "canRemote" BOOLEAN NOT NULL DEFAULT false,
    "cities" TEXT NOT NULL DEFAULT '[]',
    "phone" TEXT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "consentAt" TIMESTAMP(3),
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Expert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'enterprise',
    "staffTeamKey" TEXT,
    "locale" TEXT,
    "phone" TEXT,
    "expertId" TEXT,
    "enterpriseId" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Identity" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Identity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chat" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "locale" TEXT,
    "served" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Chat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enterprise" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT,
    "phone" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpRequest" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "skills" TEXT NOT NULL DEFAULT '[]',
    "teamKey" TEXT,
    "city" TEXT,
    "district" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'either',
    "windowStart" TEXT,
    "windowEnd" TEXT,
    "kind" TEXT,
    "urgency" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "waitReason" TEXT,
    "teamSize" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "confirmedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "HelpRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Availability" (
    "id" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "weekday" INTEGER,
    "date" TEXT,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'either',
    "validUntil" TEXT,
    "sourceText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Availability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "requestId" INTEGER NOT NULL,
    "expertId" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'candidate',
    "offeredAt" TIMESTAMP(3),
    "offers" INTEGER NOT NULL DEFAULT 0,
    "remindedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "introducedAt" TIMESTAMP(3),
    "assignedBy" TEXT NOT NULL DEFAULT 'system',
    "role" TEXT,
    "outcome" TEXT,
    "rating" INTEGER,
    "feedback" TEXT,
    "followedUpAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" TEXT NOT NULL,
    "requestId" INTEGER NOT NULL,
    "actor" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "senderId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" TEXT,

    CONSTRAINT "InboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "personId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'text',
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" TEXT NOT NULL,
    "personId" TEXT,
    "chatId" TEXT,
    "day" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingQuestion" (
    "id" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "requestId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BindingCode" (
    "code" TEXT NOT NULL,
    "expertId" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BindingCode_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "RosterUpload" (
    "id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RosterUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsoleLink" (
    "tokenHash" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsoleLink_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "ConsoleSession" (
    "idHash" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "csrf" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsoleSession_pkey" PRIMARY KEY ("idHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "Expert_externalId_key" ON "Expert"("externalId");

-- CreateIndex
CREATE INDEX "Expert_teamKey_idx" ON "Expert"("teamKey");

-- CreateIndex
CREATE INDEX "Expert_city_idx" ON "Expert"("city");

-- CreateIndex
CREATE INDEX "Expert_updatedAt_idx" ON "Expert"("updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Person_expertId_key" ON "Person"("expertId");

-- CreateIndex
CREATE INDEX "Identity_personId_idx" ON "Identity"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Identity_platform_externalId_key" ON "Identity"("platform", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Chat_platform_externalId_key" ON "Chat"("platform", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Enterprise_name_key" ON "Enterprise"("name");

-- CreateIndex
CREATE UNIQUE INDEX "HelpRequest_code_key" ON "HelpRequest"("code");

-- CreateIndex
CREATE INDEX "HelpRequest_status_idx" ON "HelpRequest"("status");

-- CreateIndex
CREATE INDEX "HelpRequest_chatId_idx" ON "HelpRequest"("chatId");

-- CreateIndex
CREATE INDEX "HelpRequest_createdAt_idx" ON "HelpRequest"("createdAt");

-- CreateIndex
CREATE INDEX "HelpRequest_status_id_idx" ON "HelpRequest"("status", "id");

-- CreateIndex
CREATE INDEX "HelpRequest_teamKey_status_id_idx" ON "HelpRequest"("teamKey", "status", "id");

-- CreateIndex
CREATE INDEX "Availability_expertId_idx" ON "Availability"("expertId");

-- CreateIndex
CREATE INDEX "Availability_createdAt_idx" ON "Availability"("createdAt");

-- CreateIndex
CREATE INDEX "Match_expertId_status_idx" ON "Match"("expertId", "status");

-- CreateIndex
CREATE INDEX "Match_status_updatedAt_expertId_idx" ON "Match"("status", "updatedAt", "expertId");

-- CreateIndex
CREATE INDEX "Match_offeredAt_idx" ON "Match"("offeredAt");

-- CreateIndex
CREATE INDEX "Match_status_respondedAt_idx" ON "Match"("status", "respondedAt");

-- CreateIndex
CREATE INDEX "Match_introducedAt_idx" ON "Match"("introducedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Match_requestId_expertId_key" ON "Match"("requestId", "expertId");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_idx" ON "RequestEvent"("requestId");

-- CreateIndex
CREATE INDEX "RequestEvent_type_createdAt_idx" ON "RequestEvent"("type", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_platform_messageId_key" ON "InboundMessage"("platform", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMessage_key_key" ON "OutboundMessage"("key");

-- CreateIndex
CREATE INDEX "OutboundMessage_status_idx" ON "OutboundMessage"("status");

-- CreateIndex
CREATE INDEX "OutboundMessage_platform_targetKind_targetId_kind_idx" ON "OutboundMessage"("platform", "targetKind", "targetId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_personId_day_key" ON "DigestRun"("personId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_chatId_day_key" ON "DigestRun"("chatId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "PendingQuestion_chatId_personId_key" ON "PendingQuestion"("chatId", "personId");

-- CreateIndex
CREATE INDEX "RosterUpload_status_idx" ON "RosterUpload"("status");

-- CreateIndex
CREATE UNIQUE INDEX "RosterUpload_platform_messageId_key" ON "RosterUpload"("platform", "messageId");

-- CreateIndex
CREATE INDEX "ConsoleLink_personId_idx" ON "ConsoleLink"("personId");

-- CreateIndex
CREATE INDEX "ConsoleSession_personId_idx" ON "ConsoleSession"("personId");

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_teamKey_fkey" FOREIGN KEY ("teamKey") REFERENCES "ServiceTeam"("key") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Identity" ADD CONSTRAINT "Identity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpRequest" ADD CONSTRAINT "HelpRequest_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "HelpRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_chatId_fkey" FOREIGN KEY ("chatId") REFERENCES "Chat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsoleLink" ADD CONSTRAINT "ConsoleLink_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsoleSession" ADD CONSTRAINT "ConsoleSession_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

