import { generate } from 'selfsigned';

/**
 * A throwaway self-signed certificate for the local HTTPS fakes, valid for the given host names
 * (wildcards allowed) and 127.0.0.1. Made in memory for each run; Chromium is started with
 * --ignore-certificate-errors, tests with Node trust it explicitly.
 */
export async function makeCertificate(hostnames: string[]): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: hostnames[0] ?? 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
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
