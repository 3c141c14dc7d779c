import { generate } from 'selfsigned';

const DAY_MS = 86_400_000;

/**
 * A throwaway self-signed certificate for the local HTTPS fakes, valid for the given host names
 * (wildcards such as `*.reamaze.io` allowed) and 127.0.0.1. Made in memory for each run and never
 * written to disk; Chromium runs with --ignore-certificate-errors, Node tests trust it as their `ca`.
 */
export async function makeCertificate(hostnames: string[]): Promise<{ cert: string; key: string }> {
  const now = Date.now();
  // selfsigned 5 generates with WebCrypto, so `generate` is async.
  const pems = await generate([{ name: 'commonName', value: hostnames[0] ?? 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    // Valid from yesterday, so a clock a little behind does not reject it.
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 30 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...hostnames.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
