// The text difference between two policy documents, line by line, after formatting both the same way (two-space
// JSON), so that a whitespace-only change does not show as a change.
import { diffLines } from 'diff';

export interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

/** The document as two-space JSON; the text itself when it does not parse. */
export function formatDocument(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Lines of `to` compared with `from`: removed lines of `from`, added lines of `to`, and lines they share. */
export function documentDiff(from: string, to: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const part of diffLines(`${formatDocument(from)}\n`, `${formatDocument(to)}\n`)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    for (const text of part.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
  return lines;
}
