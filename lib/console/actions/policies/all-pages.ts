// Reads every page of an IAM list operation (Marker / IsTruncated), so that nothing is silently cut at page one.

/** Calls `page(marker)` until the response is no longer truncated and concatenates `items` of each page. */
export async function allPages<Page extends { IsTruncated?: boolean; Marker?: string }, Item>(
  page: (marker: string | undefined) => Promise<Page>,
  items: (page: Page) => Item[] | undefined,
): Promise<Item[]> {
  const all: Item[] = [];
  let marker: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const result = await page(marker);
    all.push(...(items(result) ?? []));
    if (!result.IsTruncated || !result.Marker) break;
    marker = result.Marker;
  }
  return all;
}

/** A policy document as IAM returns it (URL-encoded JSON) made readable. */
export function decodePolicyDocument(document: string | undefined): string {
  if (!document) return '';
  let text = document;
  try {
    text = decodeURIComponent(document);
  } catch {
    // Not URL-encoded (some endpoints return it plain).
  }
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Dates as ISO strings for the client. */
export function iso(date: Date | undefined): string | undefined {
  return date ? new Date(date).toISOString() : undefined;
}
