import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/** Whether the process takes traffic: false while it starts (migrations) and once it drains. */
export type Readiness = { ready: boolean };

type Fetch = (request: Request) => Response | Promise<Response>;

/**
 * An HTTP server with the timeouts a proxy needs: idle keep-alive connections are kept longer
 * than the proxy keeps its own (so the proxy, never the app, closes an idle connection and no
 * request is sent on a closing one), and headers are awaited a little longer still.
 */
export async function startHttpServer(
  fetch: Fetch,
  options: { port: number; hostname: string; keepAliveSeconds: number },
): Promise<{
  server: Server;
  address: AddressInfo;
  drain(timeoutMs: number): Promise<'drained' | 'timed-out'>;
}> {
  let server: Server | undefined;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch, port: options.port, hostname: options.hostname }, (info) =>
      resolve(info),
    ) as Server;
    server.once('error', reject);
  });
  const listening = server as Server;
  listening.keepAliveTimeout = options.keepAliveSeconds * 1000;
  listening.headersTimeout = (options.keepAliveSeconds + 5) * 1000;
  return {
    server: listening,
    address,
    /**
     * Stops taking connections, lets requests in flight finish (their connections close once
     * answered), closes idle keep-alive connections at once, and gives up after `timeoutMs`.
     */
    drain: (timeoutMs) =>
      new Promise((resolve) => {
        // A keep-alive connection turns idle once its answer is sent: closed then, not left open.
        const sweep = setInterval(() => listening.closeIdleConnections(), 100);
        const timer = setTimeout(() => {
          clearInterval(sweep);
          listening.closeAllConnections();
          resolve('timed-out');
        }, timeoutMs);
        timer.unref();
        listening.close(() => {
          clearInterval(sweep);
          clearTimeout(timer);
          resolve('drained');
        });
        listening.closeIdleConnections();
      }),
  };
}
