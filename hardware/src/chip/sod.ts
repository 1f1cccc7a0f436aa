/**
 * EF.SOD, the document security object (ICAO 9303 part 10, 4.6.2): a CMS SignedData whose
 * content is the LDS security object, the hash of every data group, signed by the document
 * signer whose certificate it carries. Passive authentication (part 11, 5.1): the hash of each
 * data group read must be the one in the SOD; when the centre configures its CSCA certificate,
 * the signature and the document signer's certificate are checked too, otherwise the result says
 * "hashes match, signer not verified". Parsed by hand from the DER.
 */
import { X509Certificate, createHash, verify, constants } from 'node:crypto';
import { children, find, readTlv, type Tlv } from '../cccd/tlv.ts';
import { HASH_BY_OID, OID, decodeOid } from './der.ts';
import { ChipTamperedError } from './errors.ts';

export type Sod = {
  hashAlgorithm: string;
  /** data group number → hash */
  hashes: Map<number, Buffer>;
  /** the encapsulated LDS security object, as signed */
  eContent: Buffer;
  signedAttrs: Buffer | null;
  messageDigest: Buffer | null;
  digestAlgorithm: string;
  signatureAlgorithm: string;
  signature: Buffer;
  certificate: X509Certificate | null;
};

export type PassiveAuthentication = {
  hashesMatch: true;
  signerVerified: boolean;
  summary: 'hashes match, signer verified' | 'hashes match, signer not verified';
  checked: number[];
};

function need(t: Tlv | undefined, what: string): Tlv {
  if (!t) throw new ChipTamperedError(`EF.SOD: ${what} missing`);
  return t;
}

function hashName(algId: Tlv): string {
  const o = decodeOid(need(find(children(algId), 0x06), 'algorithm').value);
  const name = HASH_BY_OID[o];
  if (!name) throw new ChipTamperedError(`EF.SOD: digest ${o} not supported`);
  return name;
}

export function parseSod(bytes: Uint8Array): Sod {
  try {
    let { tlv: root } = readTlv(bytes);
    if (root.tag === 0x77) root = children(root)[0]!;
    const ci = children(root);
    if (decodeOid(need(ci[0], 'contentType').value) !== OID.signedData) throw new ChipTamperedError('EF.SOD: not SignedData');
    const sd = children(need(children(need(ci[1], 'content'))[0], 'SignedData'));
    // version, digestAlgorithms, encapContentInfo, [0] certificates?, [1] crls?, signerInfos
    const encap = children(need(sd[2], 'encapContentInfo'));
    if (decodeOid(need(encap[0], 'eContentType').value) !== OID.ldsSecurityObject) throw new ChipTamperedError('EF.SOD: not an LDS security object');
    const eContent = Buffer.from(need(children(need(encap[1], 'eContent'))[0], 'eContent').value);
    const certs = sd.find((t) => t.tag === 0xa0);
    const certDer = certs ? children(certs)[0] : undefined;
    const signerInfos = need(sd.length > 3 ? sd[sd.length - 1] : undefined, 'signerInfos');
    const si = children(need(children(signerInfos)[0], 'SignerInfo'));
    // version, sid, digestAlgorithm, [0] signedAttrs?, signatureAlgorithm, signature
    const digestAlgorithm = hashName(need(si[2], 'digestAlgorithm'));
    const attrs = si.find((t) => t.tag === 0xa0);
    const rest = si.slice(attrs ? 4 : 3);
    const signatureAlgorithm = decodeOid(need(children(need(rest[0], 'signatureAlgorithm'))[0], 'signatureAlgorithm').value);
    const signature = Buffer.from(need(rest[1], 'signature').value);
    let messageDigest: Buffer | null = null;
    let signedAttrs: Buffer | null = null;
    if (attrs) {
      // The signature covers the attributes DER-encoded as a SET (tag 31), not as the [0] they are stored in.
      signedAttrs = Buffer.from(attrs.raw);
      signedAttrs[0] = 0x31;
      for (const a of children(attrs)) {
        const [type, values] = children(a);
        if (type && values && decodeOid(type.value) === OID.messageDigest) messageDigest = Buffer.from(children(values)[0]!.value);
      }
    }
    const lds = children(readTlv(eContent).tlv);
    const hashAlgorithm = hashName(need(lds[1], 'hashAlgorithm'));
    const hashes = new Map<number, Buffer>();
    for (const entry of children(need(lds[2], 'dataGroupHashValues'))) {
      const [n, h] = children(entry);
      if (n && h) hashes.set(n.value[0]!, Buffer.from(h.value));
    }
    return {
      hashAlgorithm,
      hashes,
      eContent,
      signedAttrs,
      messageDigest,
      digestAlgorithm,
      signatureAlgorithm,
      signature,
      certificate: certDer ? new X509Certificate(Buffer.from(certDer.raw)) : null,
    };
  } catch (e) {
    if (e instanceof ChipTamperedError) throw e;
    throw new ChipTamperedError(`EF.SOD unreadable: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Checks the data groups read against the SOD; with CSCA certificates, the signature and the
 * signer's chain too. Throws ChipTamperedError on any mismatch.
 */
export function passiveAuthentication(sod: Sod, groups: Map<number, Uint8Array>, csca: X509Certificate[] = []): PassiveAuthentication {
  const checked: number[] = [];
  for (const [n, bytes] of groups) {
    const expected = sod.hashes.get(n);
    if (!expected) throw new ChipTamperedError(`DG${n} has no hash in EF.SOD`);
    if (!createHash(sod.hashAlgorithm).update(bytes).digest().equals(expected)) throw new ChipTamperedError(`DG${n} hash does not match EF.SOD`);
    checked.push(n);
  }
  if (csca.length === 0) return { hashesMatch: true, signerVerified: false, summary: 'hashes match, signer not verified', checked };

  const ds = sod.certificate;
  if (!ds) throw new ChipTamperedError('EF.SOD carries no document signer certificate');
  const issuer = csca.find((c) => ds.checkIssued(c) && ds.verify(c.publicKey));
  if (!issuer) throw new ChipTamperedError('document signer not issued by a configured CSCA');
  if (sod.signedAttrs) {
    if (!sod.messageDigest || !createHash(sod.digestAlgorithm).update(sod.eContent).digest().equals(sod.messageDigest)) {
      throw new ChipTamperedError('EF.SOD messageDigest does not match its content');
    }
  }
  const signed = sod.signedAttrs ?? sod.eContent;
  const key = sod.signatureAlgorithm === OID.rsaPss ? { key: ds.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : ds.publicKey;
  if (!verify(sod.digestAlgorithm, signed, key, sod.signature)) throw new ChipTamperedError('EF.SOD signature does not verify');
  return { hashesMatch: true, signerVerified: true, summary: 'hashes match, signer verified', checked };
}
