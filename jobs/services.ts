// What handlers and jobs share: the database, settings, logs, the outbound path and the queues.

import type { Config, Platform } from "../core/config.ts";
import { type Locale, type Translate, translator } from "../core/i18n.ts";
import type { Log } from "../core/log.ts";
import { forGroup } from "../core/mask-phones.ts";
import type { OutgoingMessage } from "../core/messages.ts";
import type { Enqueue } from "../core/ports.ts";
import { chatAddress } from "../prisma/chats-repository.ts";
import type { Db } from "../prisma/client.ts";
import { personLocale, reachPerson } from "../prisma/people.ts";
import type { Send } from "./outbox.ts";

export interface Services {
  db: Db;
  config: Config;
  log: Log;
  send: Send;
  enqueue: Enqueue;
}

/** A translator that logs missing keys once. */
export function translate(services: Pick<Services, "log">, locale: Locale): Translate {
  return translator(locale, (key, lng) => services.log.warn({ key, locale: lng }, "Missing locale key"));
}

/** The locale to write to a person in when they are not the one speaking. */
export async function localeOfPerson(services: Services, personId: string): Promise<Locale> {
  return (await personLocale(services.db, personId)) ?? services.config.DEFAULT_LOCALE;
}

/**
 * Sends a private message to a person through the outbox. `compose` gets the person's translator.
 * Returns false when the person cannot be reached on any platform of this deployment.
 */
export async function sendToPerson(
  services: Services,
  options: {
    personId: string;
    key: string;
    compose: (t: Translate, locale: Locale) => OutgoingMessage;
    preferred?: Platform;
  },
): Promise<boolean> {
  const target = await reachPerson(services.db, options.personId, services.config.platforms, options.preferred);
  if (!target) {
    services.log.warn({ personId: options.personId, key: options.key }, "Person cannot be reached");
    return false;
  }
  const locale = await localeOfPerson(services, options.personId);
  const message = options.compose(translate(services, locale), locale);
  await services.send({ key: options.key, target, message, personId: options.personId });
  return true;
}

/** Sends a message into a chat (group or direct) through the outbox. */
export async function sendToChat(
  services: Services,
  options: { chatId: string; key: string; message: OutgoingMessage },
): Promise<void> {
  const chat = await chatAddress(services.db, options.chatId);
  await services.send({
    key: options.key,
    target: { platform: chat.platform as Platform, kind: "chat", id: chat.externalId },
    message: chat.kind === "group" ? forGroup(options.message) : options.message,
  });
}
