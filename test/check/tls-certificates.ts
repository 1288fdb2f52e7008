/** Test certificates made at test time with the `openssl` command (Node cannot sign X.509 itself). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCertificates {
  dir: string;
  /** The CA's certificate file (for NODE_EXTRA_CA_CERTS). */
  caFile: string;
  /** A leaf for `name`, signed by the CA. */
  signed: { key: string; cert: string };
  /** A leaf for `name`, signed by the CA, that expired. */
  expired: { key: string; cert: string };
  /** A self-signed certificate for `name`. */
  selfSigned: { key: string; cert: string };
  remove(): void;
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function makeCertificates(name: string): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'linkrot-tls-'));
  const file = (base: string): string => join(dir, base);
  const run = (args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  // The loopback address too, so a child process (the CLI) can reach the test server by IP without a lookup.
  writeFileSync(file('ext'), `subjectAltName=DNS:${name},IP:127.0.0.1\n`);
  run(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=linkrot test CA']);
  run(['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${name}`]);
  const sign = (out: string, days: string): void =>
    run(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', out, '-days', days, '-extfile', 'ext']);
  sign('leaf.pem', '2');
  sign('expired.pem', '-1');
  run(['req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '2', '-subj', `/CN=${name}`, '-addext', `subjectAltName=DNS:${name}`]);
  const read = (base: string): string => readFileSync(file(base), 'utf8');
  return {
    dir,
    caFile: file('ca.pem'),
    signed: { key: read('leaf.key'), cert: read('leaf.pem') },
    expired: { key: read('leaf.key'), cert: read('expired.pem') },
    selfSigned: { key: read('self.key'), cert: read('self.pem') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
