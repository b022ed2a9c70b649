import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { SkipError } from '../core/index.js';

/**
 * The guard against private addresses. A crawler that follows links on behalf of a remote user is an
 * SSRF tool unless it refuses loopback, private networks, link-local (cloud metadata at 169.254.169.254)
 * and the like. The check runs where the socket is opened (the connect-time DNS lookup), so a host that
 * resolves to a public address for a pre-check and to 127.0.0.1 a moment later (DNS rebinding) is still
 * refused.
 */

/** ipaddr.js ranges that are public unicast, whatever their name. */
const PUBLIC_RANGES = new Set(['unicast', 'as112', 'amt', 'as112v6']);
/** IPv6 ranges that carry an IPv4 address, judged by that address. */
const EMBEDDED_IPV4_RANGES = new Set(['ipv4Mapped', 'rfc6145', 'rfc6052', '6to4']);

/**
 * Whether `ip` is anything but a public unicast address: loopback, private (10/8, 172.16/12,
 * 192.168/16), link-local, unique-local fc00::/7, unspecified, CGNAT 100.64/10, multicast, broadcast,
 * reserved and documentation ranges, and IPv6 forms that embed one of those (mapped, NAT64, 6to4).
 * Text that is not an IP address counts as private: the guard fails closed.
 */
export function isPrivateAddress(ip: string): boolean {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(text)) return true;
  const address = ipaddr.parse(text);
  if (address.kind() === 'ipv4') return !PUBLIC_RANGES.has(address.range());
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  // Only the well-known NAT64 prefix 64:ff9b::/96 maps the public IPv4 space; 64:ff9b:1::/48 is local use.
  if (range === 'rfc6052' && v6.parts.slice(2, 6).some((part) => part !== 0)) return true;
  if (EMBEDDED_IPV4_RANGES.has(range)) return isPrivateAddress(embeddedIpv4(v6, range));
  // ::/96 (deprecated IPv4-compatible, ::127.0.0.1) is unicast to ipaddr.js but never a public host.
  if (v6.parts.slice(0, 6).every((part) => part === 0)) return true;
  return !PUBLIC_RANGES.has(range);
}

function embeddedIpv4(address: ipaddr.IPv6, range: string): string {
  const p = address.parts;
  // 6to4 carries the address in bits 16-47; the others in the last 32 bits.
  const [high, low] = range === '6to4' ? [p[1]!, p[2]!] : [p[6]!, p[7]!];
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

export function privateAddressError(host: string, address: string): SkipError {
  const shown = host === address ? host : `${host} (${address})`;
  return new SkipError(
    `refused to fetch ${shown}: it is a private, loopback or link-local address. ` +
      'Set GLEANER_ALLOW_PRIVATE_ADDRESSES=true if crawling it is intended.',
    { code: 'private-address' },
  );
}

/** The host of a URL as an IP literal (brackets of IPv6 removed), or null when it is a name. */
export function ipLiteral(hostname: string): string | null {
  const text = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(text) && (text.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(text))
    ? text
    : null;
}

/**
 * Refuse a URL host that is a private IP literal. Sockets to literals skip the DNS lookup, so the
 * connect-time guard never sees them: this check must run before connecting.
 */
export function assertPublicLiteral(hostname: string): void {
  const literal = ipLiteral(hostname);
  if (literal !== null && isPrivateAddress(literal)) throw privateAddressError(hostname, literal);
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname,
  });
}

/** RFC 6761: resolvers should answer names under .invalid negatively at once, without asking DNS. */
function isReservedInvalid(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'invalid' || name.endsWith('.invalid');
}

/**
 * A `lookup` for `net.connect`/`tls.connect` (and undici's `connect` option). With `guard`, a name that
 * resolves to any private address fails with SkipError `private-address`; one bad address among good
 * ones refuses the host, since the socket may pick any of them.
 */
export function createLookup({ guard }: { guard: boolean }): LookupFunction {
  return (hostname, options, callback) => {
    if (isReservedInvalid(hostname)) {
      callback(notFound(hostname), '', 4);
      return;
    }
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) {
        callback(error, '', 4);
        return;
      }
      if (guard) {
        const bad = addresses.find((entry) => isPrivateAddress(entry.address));
        if (bad) {
          callback(privateAddressError(hostname, bad.address), '', 4);
          return;
        }
      }
      // net asks for `all` when it races address families (autoSelectFamily); answer in the shape asked.
      if (options.all) {
        (callback as unknown as (err: null, list: dns.LookupAddress[]) => void)(null, addresses);
        return;
      }
      const first = addresses[0];
      if (!first) callback(notFound(hostname), '', 4);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * Resolve `hostname` and refuse it when it is or resolves to a private address. For fetchers that
 * cannot hook their socket's lookup (a browser): it leaves a window for DNS rebinding that the
 * connect-time `createLookup({ guard: true })` closes.
 */
export async function assertPublicHost(hostname: string): Promise<void> {
  assertPublicLiteral(hostname);
  if (ipLiteral(hostname) !== null) return;
  if (isReservedInvalid(hostname)) throw notFound(hostname);
  const addresses = await dns.promises.lookup(hostname, { all: true });
  const bad = addresses.find((entry) => isPrivateAddress(entry.address));
  if (bad) throw privateAddressError(hostname, bad.address);
}
