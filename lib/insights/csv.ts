// RFC 4180 text: fields with a comma, quote or line break are quoted, quotes doubled, lines end in CRLF.

export type CsvValue = string | number | null;

// A spreadsheet runs a cell starting with one of these as a formula: free text gets a leading quote.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Free text (a title, a resolution) as a cell that a spreadsheet shows as text, never runs. */
export function textCell(value: string | null): string | null {
  return value !== null && FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvField(value: CsvValue): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
