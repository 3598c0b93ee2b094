// The console's security headers (proxy.ts): HSTS only when the console is served over https.
import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from '../proxy';

describe('proxy security headers', () => {
  it('sends Strict-Transport-Security over https', () => {
    const response = proxy(new NextRequest('https://console.example.com/users'));
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it('sends no Strict-Transport-Security over plain http', () => {
    const response = proxy(new NextRequest('http://localhost:3000/users'));
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});
