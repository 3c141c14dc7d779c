/**
 * Firefox has no `--host-resolver-rules`, so the Firefox runs send every request through this
 * proxy (network.proxy.* prefs, scripts/harness/firefox.ts): a CONNECT to a mapped host name is
 * tunnelled to its local fake, whatever the port asked; anything else is refused, so nothing
 * leaves the machine. The TLS inside the tunnel is the fakes' own, with their throwaway
 * certificate.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface HostProxy {
  port: number;
  /** Every host the browser asked for and the proxy refused (not in the map). */
  readonly refused: string[];
  close(): Promise<void>;
}

export async function startHostProxy(hostMap: Record<string, number>): Promise<HostProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    // Plain-http requests through a proxy: none of the fakes serve http, so all are refused.
    refused.push(hostOf(request.url ?? ''));
    response.writeHead(502, { 'Content-Type': 'text/plain' }).end('Not mapped by the test proxy');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request, client, head) => {
    const host = (request.url ?? '').replace(/:\d+$/, '');
    const port = hostMap[host];
    if (port === undefined) {
      refused.push(host);
      client.end('HTTP/1.1 502 Not mapped by the test proxy\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
