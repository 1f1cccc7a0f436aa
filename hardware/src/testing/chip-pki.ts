/**
 * A throwaway country signing CA and document signer, made with node:crypto at test time
 * (ECDSA P-256), and the EF.SOD they sign: for the card simulator and the reader's tests only.
 * The certificates are written as DER by hand (cccd/tlv.ts), the same bytes a real CSCA issues.
 */
import { X509Certificate, createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { tlv, concat } from '../cccd/tlv.ts';
import { OID, algorithm, int, name, octets, oid, seq, set } from '../chip/der.ts';

export type Issuer = { cert: X509Certificate; der: Buffer; key: KeyObject; subject: Uint8Array };
export type ChipPki = { csca: Issuer; ds: Issuer };

function utcTime(d: Date): Uint8Array {
  const s = d.toISOString().replace(/[-:T]/g, '').slice(2, 14) + 'Z';
  return tlv(0x17, new TextEncoder().encode(s));
}

function certificate(subject: Uint8Array, issuer: Uint8Array, serial: number, publicKey: KeyObject, signer: KeyObject, ca: boolean): Buffer {
  const now = Date.now();
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const ext = ca ? [tlv(0xa3, seq(seq(oid(OID.basicConstraints), tlv(0x01, Uint8Array.of(0xff)), octets(seq(tlv(0x01, Uint8Array.of(0xff)))))))] : [];
  const tbs = seq(
    tlv(0xa0, int(2)),
    int(serial),
    algorithm(OID.ecdsaWithSha256),
    issuer,
    seq(utcTime(new Date(now - 86_400_000)), utcTime(new Date(now + 10 * 365 * 86_400_000))),
    subject,
    spki,
    ...ext,
  );
  const sig = sign('sha256', tbs, signer);
  return Buffer.from(seq(tbs, algorithm(OID.ecdsaWithSha256), tlv(0x03, concat(Uint8Array.of(0), sig))));
}

function keyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

/** A new CSCA and a document signer it issued. */
export function makeChipPki(country = 'VN'): ChipPki {
  const ck = keyPair();
  const cscaName = name(country, 'CSCA thử nghiệm');
  const cscaDer = certificate(cscaName, cscaName, 1, ck.publicKey, ck.privateKey, true);
  const dk = keyPair();
  const dsName = name(country, 'Document Signer thử nghiệm');
  const dsDer = certificate(dsName, cscaName, 2, dk.publicKey, ck.privateKey, false);
  return {
    csca: { cert: new X509Certificate(cscaDer), der: cscaDer, key: ck.privateKey, subject: cscaName },
    ds: { cert: new X509Certificate(dsDer), der: dsDer, key: dk.privateKey, subject: dsName },
  };
}

/** EF.SOD ('77' wrapping CMS SignedData) over these data groups' bytes, signed by the document signer. */
export function buildSod(groups: Map<number, Uint8Array>, pki: ChipPki): Buffer {
  const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
  const lds = seq(
    int(0),
    algorithm(OID.sha256),
    seq(...[...groups].sort(([a], [b]) => a - b).map(([n, bytes]) => seq(int(n), octets(sha256(bytes))))),
  );
  const attrs = [seq(oid(OID.contentType), set(oid(OID.ldsSecurityObject))), seq(oid(OID.messageDigest), set(octets(sha256(lds))))];
  const signedAttrs = set(...attrs);
  const signature = sign('sha256', signedAttrs, pki.ds.key);
  const signerInfo = seq(
    int(1),
    seq(pki.csca.subject, int(2)),
    algorithm(OID.sha256),
    tlv(0xa0, ...attrs),
    algorithm(OID.ecdsaWithSha256),
    octets(signature),
  );
  const signedData = seq(
    int(3),
    set(algorithm(OID.sha256)),
    seq(oid(OID.ldsSecurityObject), tlv(0xa0, octets(lds))),
    tlv(0xa0, pki.ds.der),
    set(signerInfo),
  );
  return Buffer.from(tlv(0x77, seq(oid(OID.signedData), tlv(0xa0, signedData))));
}
