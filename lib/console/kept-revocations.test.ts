// The console's kept sign-outs (console-revocations.json): per key and session end, hashed, shared by the console
// processes of one data directory, robust to a damaged file and a lock left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetLoadedRevocations, isKeptRevoked, keepRevocation, keyHash, REVOCATIONS_FILE } from './kept-revocations';

let dir: string;
let file: string;
const hour = () => Date.now() + 3600_000;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-kept-'));
  file = path.join(dir, REVOCATIONS_FILE);
  forgetLoadedRevocations();
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('kept console sign-outs', () => {
  it('refuse the sessions of a key ending no later than the signed-out one, from a file that names no key', () => {
    const end = hour();
    keepRevocation(dir, 'AKIAKEPT000000000001', end);
    forgetLoadedRevocations();
    expect(isKeptRevoked(dir, 'AKIAKEPT000000000001', end)).toBe(true);
    expect(isKeptRevoked(dir, 'AKIAKEPT000000000001', end - 60_000)).toBe(true);
    // Signed in again after the sign-out: a later end.
    expect(isKeptRevoked(dir, 'AKIAKEPT000000000001', end + 1000)).toBe(false);
    expect(isKeptRevoked(dir, 'AKIAOTHER00000000001', end)).toBe(false);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain('AKIAKEPT');
    expect(JSON.parse(text).revoked).toEqual({ [keyHash('AKIAKEPT000000000001')]: end });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('merge what another console process kept, and see its later sign-outs at the next check', () => {
    const end = hour();
    keepRevocation(dir, 'AKIAPROCESSA00000001', end);
    expect(isKeptRevoked(dir, 'AKIAPROCESSB00000001', end)).toBe(false);
    // Process B (same directory) keeps its own sign-out: the file now holds both.
    const kept = JSON.parse(fs.readFileSync(file, 'utf8'));
    kept.revoked[keyHash('AKIAPROCESSB00000001')] = end;
    fs.writeFileSync(file, JSON.stringify(kept));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(isKeptRevoked(dir, 'AKIAPROCESSB00000001', end)).toBe(true);
    keepRevocation(dir, 'AKIAPROCESSA00000002', end);
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).revoked)).toHaveLength(3);
  });

  it('drop entries past their end, move a damaged file aside and start afresh', () => {
    keepRevocation(dir, 'AKIAPAST000000000001', Date.now() - 1);
    keepRevocation(dir, 'AKIALIVE000000000001', hour());
    expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')).revoked)).toEqual([keyHash('AKIALIVE000000000001')]);
    fs.writeFileSync(file, '{not json');
    forgetLoadedRevocations();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(isKeptRevoked(dir, 'AKIALIVE000000000001', Date.now())).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('moved to'));
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith(`${REVOCATIONS_FILE}.unreadable-`));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe('{not json');
    keepRevocation(dir, 'AKIANEXT000000000001', hour());
    expect(isKeptRevoked(dir, 'AKIANEXT000000000001', Date.now())).toBe(true);
  });

  it('refuse every session while the file exists and cannot be read, and never write over it', () => {
    // A directory where the file should be: reading fails (as permissions or an I/O error would; root reads any mode).
    fs.mkdirSync(file);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(isKeptRevoked(dir, 'AKIAANYONE0000000001', Date.now() + 1000)).toBe(true);
    expect(isKeptRevoked(dir, 'AKIAANYONE0000000002', Date.now() + 1000)).toBe(true);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cannot be read'));
    expect(() => keepRevocation(dir, 'AKIANEW0000000000001', hour())).toThrow(/cannot be read/);
    expect(fs.statSync(file).isDirectory()).toBe(true);
    fs.rmdirSync(file);
    expect(isKeptRevoked(dir, 'AKIAANYONE0000000001', Date.now() + 1000)).toBe(false);
  });

  it('take over a lock left by a dead process, and give up on a live one after 2 s', () => {
    const lock = `${file}.lock`;
    fs.writeFileSync(lock, '999999');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lock, old, old);
    keepRevocation(dir, 'AKIASTALE00000000001', hour());
    expect(fs.existsSync(lock)).toBe(false);
    fs.writeFileSync(lock, String(process.pid));
    expect(() => keepRevocation(dir, 'AKIABUSY000000000001', hour())).toThrow(/is held by another process/);
    expect(isKeptRevoked(dir, 'AKIASTALE00000000001', Date.now())).toBe(true);
  });
});
