// Saves a file sent in the chat under the uploads folder, for every adapter alike. The bytes are
// counted as they arrive: a file over the limit is never written whole, and a half-written file
// never carries its final name.
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { type Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { UploadSettings } from "../../core/config.ts";
import type { Log } from "../../core/log.ts";
import type { IncomingFile, IncomingMessage } from "../../core/messages.ts";

export type { UploadSettings } from "../../core/config.ts";

class TooLargeError extends Error {
  constructor(readonly size: number) {
    super(`upload larger than allowed (${size} bytes so far)`);
  }
}

// Control characters and path separators have no place in a name shown back in the chat.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const unsafeInName = /[\u0000-\u001f\u007f/\\]/g;

/** The name as the sender gave it, made safe to show: no folders, no control characters, not endless. */
export function displayName(name: string): string {
  const cleaned = path.basename(name.replace(/\\/g, "/")).replace(unsafeInName, "").trim();
  return (cleaned || "file").slice(0, 120);
}

/**
 * Where a message's file is saved: one name per platform message, so the same message delivered
 * again overwrites its own file rather than adding another. The extension is kept (readers go by it).
 */
export function uploadPath(
  dir: string,
  message: Pick<IncomingMessage, "platform" | "messageId">,
  name: string,
): string {
  const extension = path.extname(displayName(name)).toLowerCase();
  const safeExtension = /^\.[a-z0-9]{1,10}$/.test(extension) ? extension : "";
  const id = createHash("sha256").update(`${message.platform}\n${message.messageId}`).digest("hex").slice(0, 24);
  return path.join(dir, `${message.platform}-${id}${safeExtension}`);
}

/**
 * Writes `source` to the uploads folder and describes the result. `announcedSize` (a Content-Length,
 * a FileBox size) lets a file that is plainly too large be refused before a byte is read. Never
 * throws for the file's sake: what cannot be saved comes back with a `problem`.
 */
export async function saveUpload(
  source: Readable,
  options: UploadSettings & {
    message: Pick<IncomingMessage, "platform" | "messageId">;
    name: string;
    announcedSize?: number;
    log?: Log;
  },
): Promise<IncomingFile> {
  const name = displayName(options.name);
  const announced = Number.isFinite(options.announcedSize) && (options.announcedSize ?? 0) > 0;
  if (announced && (options.announcedSize ?? 0) > options.maxBytes) {
    source.destroy();
    return { name, path: "", size: options.announcedSize ?? 0, problem: "too_large" };
  }
  const target = uploadPath(options.dir, options.message, name);
  const partial = `${target}.${randomUUID().slice(0, 8)}.part`;
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      callback(size > options.maxBytes ? new TooLargeError(size) : null, chunk);
    },
  });
  try {
    await mkdir(options.dir, { recursive: true });
    await pipeline(source, limit, createWriteStream(partial));
    await rename(partial, target);
    return { name, path: target, size };
  } catch (error) {
    await rm(partial, { force: true });
    source.destroy();
    if (error instanceof TooLargeError) return { name, path: "", size: error.size, problem: "too_large" };
    options.log?.warn({ err: String(error), platform: options.message.platform }, "File sent in the chat not saved");
    return { name, path: "", size, problem: "unavailable" };
  }
}

/** A file that could not be fetched from the platform at all. */
export function unavailableUpload(name: string): IncomingFile {
  return { name: displayName(name), path: "", size: 0, problem: "unavailable" };
}
