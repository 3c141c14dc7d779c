import { request } from 'node:https';

/**
 * A `fetch` for the product's client that sends each request to the fake Re:amaze's port under
 * the real host name, over HTTPS with the fake's certificate: the client runs unchanged. An abort
 * (the client's timeout) destroys the request, as a real `fetch` would.
 */
export function httpsToFake(port: () => number, cert: () => string): typeof fetch {
  return (input, init = {}) => {
    const url = new URL(String(input));
    const body = typeof init.body === 'string' ? init.body : undefined;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: port(),
          method: init.method ?? 'GET',
          path: url.pathname + url.search,
          servername: url.hostname,
          headers: { ...headers, host: url.host },
          ca: cert(),
          signal: init.signal ?? undefined,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () =>
            resolve(
              new Response(text, { status: res.statusCode, headers: { ...res.headers } as never }),
            ),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}
