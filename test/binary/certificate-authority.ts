/**
 * A private certificate authority made at test time, as a company's intercepting proxy has one: its certificate
 * goes into NODE_EXTRA_CA_CERTS, and it signs a certificate for any host name on demand (one `openssl` call per
 * name, asynchronous, remembered). Keys are made with node:crypto; only the signing needs the `openssl` command.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface KeyAndCertificate {
  key: string;
  cert: string;
}

export interface CertificateAuthority {
  /** The CA's certificate file, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** A certificate for `name` (a DNS name or an IP address) signed by this CA. */
  issue(name: string): Promise<KeyAndCertificate>;
  remove(): void;
}

function newKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export async function createCertificateAuthority(commonName: string): Promise<CertificateAuthority> {
  const dir = mkdtempSync(join(tmpdir(), 'linkrot-ca-'));
  const caKey = join(dir, 'ca.key');
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caKey, newKey());
  await run('openssl', ['req', '-x509', '-new', '-key', caKey, '-out', caFile, '-days', '2', '-subj', `/CN=${commonName}`]);
  const issued = new Map<string, Promise<KeyAndCertificate>>();
  let serial = 0;

  async function sign(name: string): Promise<KeyAndCertificate> {
    serial += 1;
    const key = newKey();
    const keyFile = join(dir, `leaf-${serial}.key`);
    const certFile = join(dir, `leaf-${serial}.pem`);
    writeFileSync(keyFile, key);
    const altName = isIP(name) === 0 ? `DNS:${name}` : `IP:${name}`;
    // OpenSSL 3: `req -x509 -CA` signs the new request with the CA in one step.
    await run('openssl', [
      'req', '-x509', '-new', '-key', keyFile, '-out', certFile, '-days', '2', '-subj', `/CN=${name}`,
      '-CA', caFile, '-CAkey', caKey, '-addext', `subjectAltName=${altName}`, '-addext', 'basicConstraints=CA:FALSE',
    ]);
    return { key, cert: readFileSync(certFile, 'utf8') };
  }

  return {
    caFile,
    issue(name) {
      let pending = issued.get(name);
      if (pending === undefined) {
        pending = sign(name);
        issued.set(name, pending);
      }
      return pending;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
