// Request codes: R-0001, R-0042 … readable in a chat, unique in the database.
export function requestCode(id: number): string {
  return `R-${String(id).padStart(4, "0")}`;
}

const codePattern = /\bR\s*[-－—_]?\s*(\d{1,6})\b/i;

/** Finds a request code in free text ("r42", "R-0042", "R－0042") and normalises it. */
export function findRequestCode(text: string): string | null {
  const match = codePattern.exec(text);
  return match?.[1] ? requestCode(Number(match[1])) : null;
}
