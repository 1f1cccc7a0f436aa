/** The few DER pieces EF.SOD and its certificates need, on top of cccd/tlv.ts: OIDs, integers, names. */
import { tlv, concat } from '../cccd/tlv.ts';

export const OID = {
  signedData: '1.2.840.113549.1.7.2',
  ldsSecurityObject: '2.23.136.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  rsaPss: '1.2.840.113549.1.1.10',
  countryName: '2.5.4.6',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
} as const;

/** node:crypto's name for a digest algorithm OID (also the hash of a signature algorithm). */
export const HASH_BY_OID: Record<string, string> = {
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

export function decodeOid(b: Uint8Array): string {
  if (b.length === 0) return '';
  const parts = [Math.floor(b[0]! / 40), b[0]! % 40];
  let v = 0;
  for (let i = 1; i < b.length; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if (!(b[i]! & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export function oid(s: string): Uint8Array {
  const [a, b, ...rest] = s.split('.').map(Number) as [number, number, ...number[]];
  const out = [a * 40 + b];
  for (const n of rest) {
    const bytes = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) bytes.unshift((v & 0x7f) | 0x80);
    out.push(...bytes);
  }
  return tlv(0x06, Uint8Array.from(out));
}

export function int(n: number | Uint8Array): Uint8Array {
  if (typeof n !== 'number') return tlv(0x02, n[0]! & 0x80 ? concat(Uint8Array.of(0), n) : n);
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if (bytes[0]! & 0x80) bytes.unshift(0);
  return tlv(0x02, Uint8Array.from(bytes));
}

export const seq = (...v: Uint8Array[]) => tlv(0x30, ...v);
export const set = (...v: Uint8Array[]) => tlv(0x31, ...v);
export const octets = (v: Uint8Array) => tlv(0x04, v);
export const algorithm = (o: string) => seq(oid(o));

/** An X.500 name of country and common name. */
export function name(country: string, commonName: string): Uint8Array {
  const enc = new TextEncoder();
  return seq(set(seq(oid(OID.countryName), tlv(0x13, enc.encode(country)))), set(seq(oid(OID.commonName), tlv(0x0c, enc.encode(commonName)))));
}
