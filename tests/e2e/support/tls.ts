import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

/**
 * A throwaway self-signed certificate for the test servers that play riksdagen.se, made with
 * openssl once per machine. Chromium is started with --ignore-certificate-errors, so it is never
 * trusted for anything; it exists because the real site and API are https only.
 */
export function testCertificate(): Certificate {
  const dir = join(tmpdir(), 'riksref-test-tls');
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  if (!existsSync(keyPath) || !existsSync(certPath)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
        '-subj', '/CN=riksdagen.se',
        '-addext', 'subjectAltName=DNS:www.riksdagen.se,DNS:riksdagen.se,DNS:data.riksdagen.se,IP:127.0.0.1',
        '-keyout', keyPath, '-out', certPath,
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath) };
}
