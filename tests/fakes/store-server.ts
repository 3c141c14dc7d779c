/**
 * Store admin pages (Shopify, Seller Central, a WooCommerce shop, …) served over HTTPS at their
 * real URLs: Chromium maps the real host names here with --host-resolver-rules.
 */
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface StorePage {
  /** The full URL the page is served at; its host, path and query must match. */
  url: string;
  html: string;
}

export interface StoreServer {
  port: number;
  hosts: string[];
  /** Every page request, as host + path + query. */
  readonly requests: string[];
  close(): Promise<void>;
}

export async function startStoreServer(options: {
  cert: string;
  key: string;
  pages: StorePage[];
}): Promise<StoreServer> {
  const pages = new Map(options.pages.map((page) => [keyOf(new URL(page.url)), page.html]));
  const requests: string[] = [];
  const server = createServer({ cert: options.cert, key: options.key }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const key = keyOf(new URL(request.url ?? '/', `https://${host}`));
    requests.push(key);
    const html = pages.get(key);
    response.writeHead(html === undefined ? 404 : 200, {
      'Content-Type': 'text/html; charset=utf-8',
    });
    response.end(html ?? '<!doctype html><title>Not found</title><h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hosts: [...new Set(options.pages.map((page) => new URL(page.url).hostname))],
    requests,
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function keyOf(url: URL): string {
  return `${url.hostname}${url.pathname}${url.search}`;
}
