// Lists are stored as JSON text so the schema stays portable; this reads them back without ever throwing.

/** The array stored in a JSON text column, or [] when the text is not a JSON array. */
export function jsonArray(text: string): unknown[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** The strings of a JSON text column (honours, skills, cities). */
export function jsonList(text: string): string[] {
  return jsonArray(text).filter((item): item is string => typeof item === "string");
}
