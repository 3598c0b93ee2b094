// The one CSV writer (RFC 4180): the credential report and the console's credential downloads. Pure, so both the
// service and the browser use it.

/** A field as written: quoted, with doubled quotes, when it holds a quote, a comma, a CR or an LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of fields as CSV text, one line per row, lines separated by LF (no line break after the last). */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((fields) => fields.map(csvField).join(',')).join('\n');
}
