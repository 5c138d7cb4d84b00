import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const compressible = /^(text\/|application\/(json|xml|problem\+json|atom\+xml|javascript)|image\/svg\+xml)/;
/** Pages are small; anything larger than this is sent uncompressed. */
const maxBufferedBytes = 2 * 1024 * 1024;

/**
 * Brotli when the browser accepts it, else gzip, for text responses. Hono's own compress()
 * has no brotli (CompressionStream does not offer it), and slow connections are who we serve.
 */
/**
 * Hono copies the headers of the response being replaced onto the new one, which would undo a
 * changed Vary; clearing it first makes the new response the whole answer.
 */
function replaceResponse(c: Context, response: Response) {
  c.res = undefined;
  c.res = response;
}

export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    const type = response.headers.get('content-type') ?? '';
    if (!response.body || response.headers.has('content-encoding') || !compressible.test(type)) return;
    // Downloads (exports) go out as they are: never held in memory twice.
    if (response.headers.get('content-disposition')?.startsWith('attachment')) return;
    if (c.req.method === 'HEAD' || response.status === 204 || response.status === 304) return;
    const accepted = c.req.header('accept-encoding') ?? '';
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    const vary = response.headers.get('vary');
    const headers = new Headers(response.headers);
    headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    if (!encoding) {
      replaceResponse(c, new Response(response.body, { status: response.status, headers }));
      return;
    }
    const body = Buffer.from(await response.arrayBuffer());
    if (body.length < 512 || body.length > maxBufferedBytes) {
      replaceResponse(c, new Response(body, { status: response.status, headers }));
      return;
    }
    const compressed =
      encoding === 'br'
        ? await brotli(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : await gzipAsync(body, { level: 6 });
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(compressed.length));
    replaceResponse(c, new Response(compressed, { status: response.status, headers }));
  };
}
