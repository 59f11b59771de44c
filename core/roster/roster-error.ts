// A roster file that cannot be read at all. Thrown before anything is written, so nothing half-imports.

export type RosterErrorCode =
  | "file_not_found"
  | "unsupported_format"
  | "empty_file"
  | "unknown_header"
  | "malformed_file"
  | "duplicate_id"
  | "too_large";

export class RosterError extends Error {
  readonly code: RosterErrorCode;
  /** Extra context for the message (file name, header seen, parser message). */
  readonly detail: string | undefined;

  constructor(code: RosterErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ? `${code}: ${detail}` : code, options);
    this.name = "RosterError";
    this.code = code;
    this.detail = detail;
  }
}
