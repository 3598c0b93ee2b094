// The .csv files AWS's console offers when it shows new credentials once: console sign-in credentials
// (`User name,Password,Access key ID,Secret access key,Console sign-in URL`) and access keys
// (`Access key ID,Secret access key`).

import { writeCsv } from '@/lib/csv/write-csv';

function csv(rows: string[][]): string {
  return `${writeCsv(rows)}\n`;
}

/** The new user's credentials file, as AWS's console downloads it (`<user>_credentials.csv`). */
export function userCredentialsCsv(c: {
  userName: string;
  password?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  signInUrl: string;
}): string {
  return csv([
    ['User name', 'Password', 'Access key ID', 'Secret access key', 'Console sign-in URL'],
    [c.userName, c.password ?? '', c.accessKeyId ?? '', c.secretAccessKey ?? '', c.signInUrl],
  ]);
}

/** An access key file, as AWS's console downloads it (`<user>_accessKeys.csv`). */
export function accessKeyCsv(c: { accessKeyId: string; secretAccessKey: string }): string {
  return csv([
    ['Access key ID', 'Secret access key'],
    [c.accessKeyId, c.secretAccessKey],
  ]);
}

/** Offers text as a file download in the browser. */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!@#$%^&*()_+-=[]{}|';

/** A random password that meets any AWS password policy of up to `length` characters (all four classes). */
export function generatePassword(length = 20): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (set: string) => {
    const n = new Uint32Array(1);
    crypto.getRandomValues(n);
    return set[n[0]! % set.length]!;
  };
  const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < Math.max(length, 8)) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const n = new Uint32Array(1);
    crypto.getRandomValues(n);
    const j = n[0]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
