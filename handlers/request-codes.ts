// Request codes: R-0001, R-0042 … readable in a chat, unique in the database.
export { findRequestCode } from "../core/understanding/request-code.ts";

export function requestCode(id: number): string {
  return `R-${String(id).padStart(4, "0")}`;
}
