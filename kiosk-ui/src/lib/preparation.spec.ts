import { describe, expect, it } from 'vitest';
import { declarationFromScan, formDate, haveIndexes, missingOf } from './preparation.ts';

const cccd = { fullName: 'Trần Thị Bích Ngọc', age: 68, dateOfBirth: '1958-04-15', gender: 'Nữ' as const, idLast4: '4567' };

describe('the checklist', () => {
  it('sends the indexes of the documents answered "có" and names those answered "chưa có"', () => {
    const guides = [{ name: 'Tờ khai' }, { name: 'Giấy chứng sinh', howToGet: 'Cơ sở y tế' }, { name: 'Căn cước' }];
    const answers = [true, false, null];
    expect(haveIndexes(answers)).toEqual([0]);
    expect(missingOf(guides, answers)).toEqual([{ name: 'Giấy chứng sinh', howToGet: 'Cơ sở y tế' }]);
  });
});

describe('the declaration prefilled from a scan', () => {
  it('takes number, name, date of birth, gender and residence from the CCCD QR, diacritics whole', () => {
    const raw = '079203004567|201234567|Tra\u0302\u0300n Thi\u0323 Bi\u0301ch Ngo\u0323c|15041958|Nữ|45 Nguyễn Huệ, phường Tân An|20062021\r\n';
    expect(declarationFromScan({ source: 'qr', raw, cccd })).toEqual({
      fullName: 'Trần Thị Bích Ngọc', dateOfBirth: '15/04/1958', gender: 'Nữ', idNumber: '079203004567', address: '45 Nguyễn Huệ, phường Tân An', source: 'qr',
    });
  });

  it('a chip read comes in the QR layout and fills the same fields', () => {
    const raw = '001054012345||Nguyễn Văn An|12031954|Nam|Thôn Đông, xã Yên Sở, Hà Nội|01012021';
    expect(declarationFromScan({ source: 'chip', raw, cccd: { ...cccd, fullName: 'Nguyễn Văn An', gender: 'Nam', dateOfBirth: '1954-03-12' } })).toMatchObject({
      idNumber: '001054012345', address: 'Thôn Đông, xã Yên Sở, Hà Nội', dateOfBirth: '12/03/1954', source: 'chip',
    });
  });

  it('the MRZ gives the full number from its optional field and no address', () => {
    const raw = 'IDVNM2030045670079203004567<<8\n5804156F3104157VNM<<<<<<<<<<<6\nTRAN<<THI<BICH<NGOC<<<<<<<<<<<';
    expect(declarationFromScan({ source: 'mrz', raw, cccd })).toEqual({ fullName: 'Trần Thị Bích Ngọc', dateOfBirth: '15/04/1958', gender: 'Nữ', idNumber: '079203004567', address: null, source: 'mrz' });
  });

  it('nothing without a card read, or from a receipt barcode', () => {
    expect(declarationFromScan({ source: 'qr', raw: 'x', cccd: null })).toBeNull();
    expect(declarationFromScan({ source: 'barcode', raw: '261120-HT01-0007', cccd })).toBeNull();
    expect(formDate('1958-04-15')).toBe('15/04/1958');
    expect(formDate('15041958')).toBe('15/04/1958');
    expect(formDate('15-04')).toBeNull();
  });
});
