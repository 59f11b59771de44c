// Checks a webhook request before the SDK sees it, so that a forged or foreign request is refused
// with a status (the SDK's adaptDefault answers 200 to everything) and nothing is processed.
// Events are signed with the encrypt key (sha256); legacy card callbacks with the verification token (sha1).
import { createHash, timingSafeEqual } from "node:crypto";
import { AESCipher } from "@larksuiteoapi/node-sdk";

export interface VerifySettings {
  verificationToken?: string;
  encryptKey?: string;
  /** Oldest signed request accepted, in seconds; a captured request replayed later is refused. */
  maxAgeSeconds?: number;
  /** The clock, for tests. */
  now?: () => number;
}

// Lark signs every push (retries included) with the time it is sent; five minutes covers clock drift.
const defaultMaxAgeSeconds = 300;

/** Whether the signed timestamp header is within `maxAgeSeconds` of now, either way. */
function fresh(headers: Record<string, string | string[] | undefined>, settings: VerifySettings): boolean {
  const sent = Number(header(headers, "x-lark-request-timestamp"));
  const now = (settings.now?.() ?? Date.now()) / 1000;
  return Number.isFinite(sent) && sent > 0 && Math.abs(now - sent) <= (settings.maxAgeSeconds ?? defaultMaxAgeSeconds);
}

/** The fields of a webhook body that say what it is and who sent it. */
export interface LarkBody {
  encrypt?: unknown;
  type?: unknown;
  schema?: unknown;
  action?: unknown;
  token?: unknown;
  header?: { token?: unknown; event_id?: unknown };
}

export type Verdict = { ok: true; body: LarkBody } | { ok: false; status: 400 | 401; reason: string };

function header(headers: Record<string, string | string[] | undefined>, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function signatureOf(
  algorithm: "sha1" | "sha256",
  secret: string,
  raw: string,
  headers: Record<string, string | string[] | undefined>,
): string {
  return createHash(algorithm)
    .update(header(headers, "x-lark-request-timestamp") + header(headers, "x-lark-request-nonce") + secret + raw)
    .digest("hex");
}

/** Whether the raw request is genuine: signature, decryption and verification token. */
export function verifyRequest(
  raw: string,
  headers: Record<string, string | string[] | undefined>,
  settings: VerifySettings,
): Verdict {
  let outer: LarkBody;
  try {
    outer = JSON.parse(raw) as LarkBody;
  } catch {
    return { ok: false, status: 400, reason: "body is not JSON" };
  }
  let body = outer;
  if (typeof outer.encrypt === "string") {
    if (!settings.encryptKey) return { ok: false, status: 400, reason: "encrypted body but no encrypt key" };
    try {
      body = JSON.parse(new AESCipher(settings.encryptKey).decrypt(outer.encrypt)) as LarkBody;
    } catch {
      return { ok: false, status: 401, reason: "body does not decrypt with the encrypt key" };
    }
  }
  const isChallenge = body.type === "url_verification";
  const isLegacyCard = !("schema" in body) && typeof outer.encrypt !== "string" && "action" in body;
  const signature = header(headers, "x-lark-signature");
  if (isLegacyCard) {
    const token = settings.verificationToken;
    if (!token || !sameText(signature, signatureOf("sha1", token, raw, headers))) {
      return { ok: false, status: 401, reason: "bad card signature" };
    }
    if (!fresh(headers, settings)) return { ok: false, status: 401, reason: "old timestamp" };
    return { ok: true, body };
  }
  // The URL check carries no signature; its token (below) proves it.
  if (
    settings.encryptKey &&
    !isChallenge &&
    !sameText(signature, signatureOf("sha256", settings.encryptKey, raw, headers))
  ) {
    return { ok: false, status: 401, reason: "bad signature" };
  }
  if (settings.encryptKey && !isChallenge && !fresh(headers, settings)) {
    return { ok: false, status: 401, reason: "old timestamp" };
  }
  const token = body.header?.token ?? body.token;
  if (settings.verificationToken && token !== settings.verificationToken) {
    return { ok: false, status: 401, reason: "wrong verification token" };
  }
  return { ok: true, body };
}
