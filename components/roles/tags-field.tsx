'use client';
// Tags typed one per line as `key=value`.
import { Textarea } from '@/components/ui/input';

/** Reads `key=value` lines (blank lines ignored; a line without '=' is a key with an empty value). */
export function parseTagLines(text: string): { key: string; value: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      return at < 0 ? { key: line, value: '' } : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
    });
}

export function TagsField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string }) {
  return <Textarea label="Tags" rows={3} value={value} onChange={(e) => onChange(e.target.value)} hint="One per line: key=value (up to 50)." error={error} />;
}
