import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));
const { originFrom } = await import('./public-url');

const from = (h: Record<string, string>) => (name: string) => h[name] ?? null;

describe('originFrom', () => {
  it('prefers the configured public URL', () => {
    expect(originFrom('https://iam.example.com', from({ host: 'localhost:3000' }), 'http://localhost:3000')).toBe(
      'https://iam.example.com',
    );
  });
  it('uses the host the browser asked for', () => {
    expect(originFrom(undefined, from({ host: '192.0.2.7:3100' }), 'http://localhost:3000')).toBe('http://192.0.2.7:3100');
  });
  it('follows a proxy’s forwarded host and scheme', () => {
    expect(
      originFrom(undefined, from({ host: '127.0.0.1:3000', 'x-forwarded-host': 'console.example.org', 'x-forwarded-proto': 'https' }), 'x'),
    ).toBe('https://console.example.org');
  });
  it('ignores a host header that is not a host', () => {
    expect(originFrom(undefined, from({ host: 'evil.example/<script>' }), 'http://localhost:3000')).toBe('http://localhost:3000');
    expect(originFrom(undefined, from({}), 'http://localhost:3000')).toBe('http://localhost:3000');
  });
});
