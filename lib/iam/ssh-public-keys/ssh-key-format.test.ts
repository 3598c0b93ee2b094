// SSH public key parsing: PEM and ssh-rsa encodings of the same key agree, with AWS's MD5 fingerprint.
import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidPublicKey } from '../../core/errors';
import { parseSshPublicKey } from './ssh-key-format';

describe('parseSshPublicKey', () => {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();

  it('gives both encodings and the MD5 fingerprint of the ssh-rsa blob', () => {
    const fromPem = parseSshPublicKey(pem);
    const blob = Buffer.from(fromPem.ssh.split(' ')[1], 'base64');
    expect(blob.subarray(4, 11).toString()).toBe('ssh-rsa');
    expect(fromPem.fingerprint).toBe(createHash('md5').update(blob).digest('hex').match(/../g)!.join(':'));
    expect(fromPem.pem).toBe(pem.trim());
    expect(parseSshPublicKey(`${fromPem.ssh} someone@laptop`)).toEqual(fromPem);
  });

  it.each([
    ['garbage', 'hello'],
    ['a wrong key type', 'ssh-dss AAAAB3NzaC1kc3M='],
    ['a truncated blob', 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB'],
    [
      'a key that is too short',
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    ],
    ['an EC key', generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'pem', type: 'spki' }).toString()],
    ['a broken PEM', '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'],
  ])('rejects %s with InvalidPublicKey', (_case, body) => {
    expect(() => parseSshPublicKey(body)).toThrow(InvalidPublicKey);
  });
});
