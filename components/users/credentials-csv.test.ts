// The credential files match AWS's console downloads; generated passwords carry every character class.
import { describe, expect, it } from 'vitest';
import { accessKeyCsv, generatePassword, userCredentialsCsv } from './credentials-csv';

describe('credential CSV files', () => {
  it('writes the console credentials file with AWS header', () => {
    const text = userCredentialsCsv({
      userName: 'alice',
      password: 'p,w"1',
      accessKeyId: 'AKIA1',
      secretAccessKey: 's/2',
      signInUrl: 'https://x/sign-in/123',
    });
    expect(text).toBe(
      'User name,Password,Access key ID,Secret access key,Console sign-in URL\nalice,"p,w""1",AKIA1,s/2,https://x/sign-in/123\n',
    );
  });

  it('writes the access key file with AWS header', () => {
    expect(accessKeyCsv({ accessKeyId: 'AKIA1', secretAccessKey: 'abc' })).toBe('Access key ID,Secret access key\nAKIA1,abc\n');
  });

  it('generates passwords with upper, lower, digit and symbol', () => {
    for (let i = 0; i < 50; i++) {
      const p = generatePassword(16);
      expect(p).toHaveLength(16);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[0-9]/);
      expect(p).toMatch(/[^A-Za-z0-9]/);
    }
  });
});
