/** Start the API on a host and port with Node's HTTP server. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { ConfigError } from '../core/index.js';
import { createApp, type ApiOptions } from './app.js';
import { isLoopbackHost } from './security.js';

/** Loopback: the API is for this machine unless the user asks otherwise and sets a token. */
export const DEFAULT_HOST = '127.0.0.1';
/** A free-by-convention development port. */
export const DEFAULT_PORT = 4317;
/** Environment variable holding the API token. */
export const TOKEN_ENV = 'PARALLAX_TOKEN';

export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:4317`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serve the API. Listening on anything but loopback needs a token (option or
 * `PARALLAX_TOKEN`); there is never a default token. Port 0 picks a free port.
 *
 * @throws ConfigError E_TOKEN_REQUIRED on a non-loopback host without a token.
 */
export async function startServer(
  options: ApiOptions & { host?: string; port?: number; env?: NodeJS.ProcessEnv },
): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const token = options.token ?? ((options.env ?? process.env)[TOKEN_ENV] || undefined);
  if (!isLoopbackHost(host) && !token) {
    throw new ConfigError('E_TOKEN_REQUIRED', `serving on ${host} exposes the API to other machines: set ${TOKEN_ENV} (or pass a token), or use --host 127.0.0.1`);
  }
  const app = createApp({ ...options, ...(token ? { token } : {}) });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      reject(new ConfigError(err.code === 'EADDRINUSE' ? 'E_PORT_IN_USE' : 'E_LISTEN', `cannot listen on ${host}:${port}: ${err.message}`, { cause: err }));
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    close: () => new Promise<void>((resolve, reject) => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}
