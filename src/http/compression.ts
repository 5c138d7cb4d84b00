import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';

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

/**
 * Compressed bodies by ETag and encoding: the ETag (a hash of the body) names the content, so a
 * page many visitors ask for is compressed once per state of the registry, not once per visit.
 * Every ETag the app sends on a compressible answer is a hash of its bytes; downloads, whose tag
 * names their address instead, are attachments and never compressed here.
 */
const compressedBodies = new LRUCache<string, Buffer<ArrayBuffer>>({
  maxSize: 32 * 1024 * 1024,
  sizeCalculation: (body) => body.length,
});

export function compressResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    const type = response.headers.get('content-type') ?? '';
    // Never `response.body` before it is needed: asking for it turns a page held as a string
    // into a stream, which costs a copy and a heap of short-lived objects on every request.
    if (response.headers.has('content-encoding') || !compressible.test(type)) return;
    // Downloads (exports) go out as they are: never held in memory twice.
    if (response.headers.get('content-disposition')?.startsWith('attachment')) return;
    if (c.req.method === 'HEAD' || response.status === 204 || response.status === 304) return;
    const accepted = c.req.header('accept-encoding') ?? '';
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    const vary = response.headers.get('vary');
    const varied = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
    if (!encoding) {
      // The body stays as it is (reading it as a stream here would copy every page twice).
      response.headers.set('Vary', varied);
      return;
    }
    const headers = new Headers(response.headers);
    headers.set('Vary', varied);
    const etag = response.headers.get('etag');
    const key = etag ? `${encoding} ${etag}` : null;
    let compressed = key ? compressedBodies.get(key) : undefined;
    if (!compressed) {
      const body = Buffer.from(await response.arrayBuffer());
      if (body.length < 512 || body.length > maxBufferedBytes) {
        replaceResponse(c, new Response(body, { status: response.status, headers }));
        return;
      }
      compressed = await compress(body, encoding);
      if (key) compressedBodies.set(key, compressed);
    }
    headers.set('Content-Encoding', encoding);
    headers.set('Content-Length', String(compressed.length));
    replaceResponse(c, new Response(compressed, { status: response.status, headers }));
  };
}

function compress(body: Buffer, encoding: 'br' | 'gzip'): Promise<Buffer<ArrayBuffer>> {
  return encoding === 'br'
    ? brotli(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      })
    : gzipAsync(body, { level: 6 });
}
