import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCccdQr } from './qr.ts';

// 10:00 in Hà Nội on 22 Nov 2026.
const TODAY = new Date('2026-11-22T03:00:00Z');
const good = '079090012345|123456789|Nguyễn Thị Hồng Nhung|15031990|Nữ|Số 12 Lý Thường Kiệt, Phường Cửa Nam, Hà Nội|10082021';

describe('parseCccdQr — good samples', () => {
  it('reads every field of a well-formed card', () => {
    const r = parseCccdQr(good, TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        idNumber: '079090012345',
        oldIdNumber: '123456789',
        fullName: 'Nguyễn Thị Hồng Nhung',
        dateOfBirth: '1990-03-15',
        age: 36,
        gender: 'Nữ',
        address: 'Số 12 Lý Thường Kiệt, Phường Cửa Nam, Hà Nội',
        issueDate: '2021-08-10',
      },
    });
  });

  it.each([
    ['CR/LF and spaces around', `  ${good}\r\n`],
    ['a trailing LF only', `${good}\n`],
    ['decomposed Unicode (NFD)', good.normalize('NFD')],
    ['extra fields from newer cards', `${good}|Nguyễn Văn A|Trần Thị B|`],
    ['a byte-order mark', `\uFEFF${good}`],
  ])('tolerates %s', (_label, text) => {
    const r = parseCccdQr(text, TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.fullName).toBe('Nguyễn Thị Hồng Nhung');
      expect(r.value.fullName).toBe(r.value.fullName.normalize('NFC'));
      expect(r.value.address).toBe('Số 12 Lý Thường Kiệt, Phường Cửa Nam, Hà Nội');
    }
  });

  it('accepts an empty old ID as null', () => {
    const r = parseCccdQr('001203001234||Trần Văn Nam|01012003|Nam|Xã Đông Anh, Hà Nội|20042021', TODAY);
    expect(r.ok && r.value.oldIdNumber).toBe(null);
    expect(r.ok && r.value.gender).toBe('Nam');
  });

  it('counts a 60th birthday today as 60 and the day before as 59 (Vietnam time)', () => {
    const card = (dob: string) => `001066001234||Lê Văn Tám|${dob}|Nam|Huế|01012020`;
    const r60 = parseCccdQr(card('22111966'), TODAY);
    const r59 = parseCccdQr(card('23111966'), TODAY);
    expect(r60.ok && r60.value.age).toBe(60);
    expect(r59.ok && r59.value.age).toBe(59);
    // 18:00 UTC on 21 Nov is already 01:00 on 22 Nov in Hà Nội.
    const late = parseCccdQr(card('22111966'), new Date('2026-11-21T18:00:00Z'));
    expect(late.ok && late.value.age).toBe(60);
  });

  it('treats a 29 February birthday as reached on 1 March', () => {
    const card = '001000001234||Phạm Thị Nhuận|29022000|Nữ|Đà Nẵng|01012020';
    expect(parseCccdQr(card, new Date('2026-02-28T05:00:00Z'))).toMatchObject({ ok: true, value: { age: 25 } });
    expect(parseCccdQr(card, new Date('2026-03-01T05:00:00Z'))).toMatchObject({ ok: true, value: { age: 26 } });
  });
});

describe('parseCccdQr — bad samples give a typed error', () => {
  const withField = (i: number, v: string) => {
    const f = good.split('|');
    f[i] = v;
    return f.join('|');
  };
  it.each([
    ['', 'empty'],
    ['  \r\n', 'empty'],
    ['https://dichvucong.gov.vn', 'format'],
    ['079090012345|123456789|Nguyễn A|15031990|Nữ|Hà Nội', 'format'],
    [withField(0, '07909001234'), 'id_number'],
    [withField(0, '0790900123456'), 'id_number'],
    [withField(0, '07909001234O'), 'id_number'],
    [withField(1, '12345'), 'id_number'],
    [withField(2, ''), 'format'],
    [withField(3, '31021990'), 'date_of_birth'],
    [withField(3, '1503199'), 'date_of_birth'],
    [withField(3, '01012027'), 'date_of_birth'],
    [withField(3, '32011990'), 'date_of_birth'],
    [withField(4, 'Male'), 'gender'],
    [withField(4, ''), 'gender'],
    [withField(6, '29022021'), 'issue_date'],
    [withField(6, '01011980'), 'issue_date'],
    [withField(6, '01012030'), 'issue_date'],
  ])('%j → %s', (text, code) => {
    const r = parseCccdQr(text, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/ \/ /);
    }
  });
});

describe('parseCccdQr — properties', () => {
  it('never throws on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = parseCccdQr(s, TODAY);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on pipe-separated junk and accepts every well-formed card', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 10 }), (parts) => {
        expect(() => parseCccdQr(parts.join('|'), TODAY)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(
        digits(12),
        fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('Nam', 'Nữ'),
        (id, dob, gender) => {
          const dd = String(dob.getUTCDate()).padStart(2, '0');
          const mm = String(dob.getUTCMonth() + 1).padStart(2, '0');
          const r = parseCccdQr(`${id}||Đỗ Thị Ánh|${dd}${mm}${dob.getUTCFullYear()}|${gender}|Cần Thơ|01012021`, TODAY);
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.value.dateOfBirth).toBe(dob.toISOString().slice(0, 10));
        },
      ),
    );
  });
});
