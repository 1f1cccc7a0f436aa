import { describe, expect, it } from 'vitest';
import { classifyScan, redactScan } from './classify.ts';

const TODAY = new Date('2026-11-22T03:00:00Z');
const QR = '001066001234||Lê Văn Tám|22111966|Nam|Thôn 3, xã Hòa Phú, Đà Nẵng|01012021\r\n';

describe('classifyScan', () => {
  it('summarises a CCCD QR without the full ID number', () => {
    const e = classifyScan(QR, TODAY);
    expect(e).toEqual({
      type: 'scan',
      source: 'qr',
      raw: QR.trimEnd(),
      cccd: { fullName: 'Lê Văn Tám', age: 60, dateOfBirth: '1966-11-22', gender: 'Nam', idLast4: '1234' },
      error: null,
    });
    expect(redactScan(e)).not.toContain('001066001234');
    expect(redactScan(e)).not.toContain('Tám');
  });

  it('gives the typed error of a damaged CCCD QR', () => {
    const e = classifyScan('00106600123||Lê Văn Tám|22111966|Nam|Đà Nẵng|01012021', TODAY);
    expect(e).toMatchObject({ source: 'qr', cccd: null, error: { code: 'id_number' } });
  });

  it('recognises an MRZ and a damaged one', () => {
    const mrz = 'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';
    expect(classifyScan(mrz, TODAY)).toMatchObject({ source: 'mrz', cccd: { fullName: 'ERIKSSON ANNA MARIA', age: 52, idLast4: '5890' }, error: null });
    expect(classifyScan(mrz.replace('7408122', '7408123'), TODAY)).toMatchObject({ source: 'mrz', error: { code: 'date_of_birth' } });
  });

  it('passes other barcodes through and flags an empty scan', () => {
    expect(classifyScan('261120-HT01-0007\r', TODAY)).toEqual({ type: 'scan', source: 'barcode', raw: '261120-HT01-0007', cccd: null, error: null });
    expect(classifyScan('\r\n', TODAY)).toMatchObject({ source: 'barcode', error: { code: 'empty' } });
  });
});
