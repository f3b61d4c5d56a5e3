/**
 * A throwaway certificate authority for loopback HTTPS fakes. GigaChat's certificate chains to a
 * root Node does not trust (Russian Trusted Root CA), so a fake must present a certificate from a
 * root the client has to be told about, or the trust handling goes untested.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The CA and a server certificate it signed, as files in the given folder and as PEM text. */
export interface TestCa {
  /** Path of the CA certificate: what a client is told to trust. */
  caFile: string;
  caPem: string;
  /** The server certificate for 127.0.0.1 and localhost. */
  certPem: string;
  keyPem: string;
}

/** Our own configs, so nothing depends on the system's openssl.cnf. */
const CA_CONFIG = `[req]
distinguished_name = dn
prompt = no
x509_extensions = ca_ext
[dn]
CN = Test Russian Trusted Root CA
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
`;

const SERVER_CONFIG = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = 127.0.0.1
[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

/** Makes a fresh EC P-256 CA and a server certificate signed by it, both valid for 2 days. */
export async function createTestCa(dir: string): Promise<TestCa> {
  const file = (name: string): string => join(dir, name);
  await writeFile(file('ca.cnf'), CA_CONFIG);
  await writeFile(file('server.cnf'), SERVER_CONFIG);
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  await openssl(['req', '-x509', ...newKey, '-config', file('ca.cnf'), '-keyout', file('ca-key.pem'), '-out', file('ca.pem'), '-days', '2']);
  await openssl(['req', '-new', ...newKey, '-config', file('server.cnf'), '-keyout', file('server-key.pem'), '-out', file('server.csr')]);
  await openssl([
    'x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca-key.pem'),
    // A random serial instead of -CAcreateserial, which would leave a .srl file behind.
    '-set_serial', `0x${randomBytes(16).toString('hex')}`, '-days', '2',
    '-extfile', file('server.cnf'), '-extensions', 'server_ext', '-out', file('server.pem'),
  ]);
  const [caPem, certPem, keyPem] = await Promise.all(['ca.pem', 'server.pem', 'server-key.pem'].map((name) => readFile(file(name), 'utf8')));
  return { caFile: file('ca.pem'), caPem: caPem ?? '', certPem: certPem ?? '', keyPem: keyPem ?? '' };
}

async function openssl(args: string[]): Promise<void> {
  try {
    await run('openssl', args);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('The openssl command is missing: install it (apt-get install openssl) to run the HTTPS fakes.');
    }
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0] ?? ''} failed: ${stderr.trim() || String(error)}`);
  }
}
