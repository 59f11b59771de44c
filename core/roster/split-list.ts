// Lists inside one cell: people type ; ； 、 , or ， interchangeably.

const separators = /[;；、,，\n]+/;

/** Splits a cell into trimmed, non-empty, distinct items in their original order. */
export function splitList(cell: string): string[] {
  const items = cell
    .split(separators)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return [...new Set(items)];
}
