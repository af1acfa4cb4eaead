import ipaddr from 'ipaddr.js';

/*
 * Addresses a server-side fetch must not reach (SSRF). The ranges come from
 * ipaddr.js, which follows the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (loopback, private, carrier-grade NAT, link-local — where cloud
 * metadata lives —, unique-local, multicast, documentation, benchmarking,
 * reserved, 6to4, Teredo, ORCHID, …): an address is fetchable only when it
 * is ordinary unicast. The registry is kept by the package, not copied here.
 */

/**
 * IPv6 forms that carry an IPv4 address in their last 32 bits: what they
 * reach is that IPv4 address, so it is that address that is classed.
 * `::/96` (IPv4-compatible, deprecated by RFC 4291 and absent from the IANA
 * registry, yet still parsed: `[::127.0.0.1]`), `::ffff:0:0/96` (IPv4-mapped)
 * and `64:ff9b::/96` (the NAT64 well-known prefix).
 */
const EMBEDDING_IPV4: ReadonlyArray<readonly [ipaddr.IPv6, number]> = [
  [ipaddr.IPv6.parse('::'), 96],
  [ipaddr.IPv6.parse('::ffff:0:0'), 96],
  [ipaddr.IPv6.parse('64:ff9b::'), 96],
];

/** True when `address` (an IPv4 or IPv6 literal, brackets and zone allowed) is not ordinary public unicast. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return false;
  return !isPublic(ipaddr.parse(bare));
}

/** The IANA class of an address as ipaddr.js names it (`loopback`, `carrierGradeNat`, `unicast`, …), after unwrapping an embedded IPv4. */
export function addressRange(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return null;
  return effective(ipaddr.parse(bare)).range();
}

function isPublic(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return effective(address).range() === 'unicast';
}

function effective(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === 'ipv4') return address;
  const v6 = address as ipaddr.IPv6;
  if (!EMBEDDING_IPV4.some(([net, bits]) => v6.match(net, bits))) return v6;
  const [, , , , , , high, low] = v6.parts as [number, number, number, number, number, number, number, number];
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}
