import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';
import { config } from '../config.ts';

/**
 * The network a request is counted against: an IPv4 address as it is, an IPv6 address by its /64
 * (one household or office gets a whole /64, and can pick any address in it). IPv4 addresses
 * written as IPv6 (::ffff:192.0.2.1) count as IPv4. Anything unreadable counts as itself.
 */
export function addressNetwork(address: string): string {
  const trimmed = address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  if (!ipaddr.isValid(trimmed)) return trimmed.slice(0, 100) || 'unknown';
  let parsed = ipaddr.parse(trimmed);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  const network = new ipaddr.IPv6([...parts, 0, 0, 0, 0]);
  return `${network.toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

/** The caller's address for throttling; behind a trusted proxy, the first X-Forwarded-For hop. */
export function clientAddress(c: Context): string {
  if (config().trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}
