import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mrzCheckDigit, parseMrzTd1 } from './mrz.ts';

const TODAY = new Date('2026-11-22T03:00:00Z');

/** Independent of the parser: character values by position in this alphabet. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
function check(s: string): string {
  let sum = 0;
  [...s].forEach((ch, i) => {
    const v = ch === '<' ? 0 : ALPHABET.indexOf(ch);
    sum += v * (i % 3 === 0 ? 7 : i % 3 === 1 ? 3 : 1);
  });
  return String(sum % 10);
}
const pad = (s: string, n: number) => s.padEnd(n, '<').slice(0, n);

type Fields = { doc: string; id: string; dob: string; sex: string; exp: string; name: string };
function td1(f: Fields): string {
  const l1 = `IDVNM${pad(f.doc, 9)}${check(pad(f.doc, 9))}${pad(f.id, 15)}`;
  const l2head = `${f.dob}${check(f.dob)}${f.sex}${f.exp}${check(f.exp)}VNM${'<'.repeat(11)}`;
  const composite = l1.slice(5, 30) + l2head.slice(0, 7) + l2head.slice(8, 15) + l2head.slice(18, 29);
  return [l1, l2head + check(composite), pad(f.name, 30)].join('\n');
}
const base: Fields = { doc: '203001234', id: '001203001234', dob: '030415', sex: 'F', exp: '280415', name: 'NGUYEN<<THI<HONG<NHUNG' };

describe('mrzCheckDigit', () => {
  it('matches the ICAO 9303 worked examples', () => {
    expect(mrzCheckDigit('D23145890')).toBe(7); // TD1 example document number
    expect(mrzCheckDigit('740727')).toBe(3);
    expect(mrzCheckDigit('120415')).toBe(9);
    expect(mrzCheckDigit('L898902C3')).toBe(6); // passport specimen
  });
  it('agrees with the independent fixture helper', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Z0-9<]{1,40}$/), (s) => {
      expect(String(mrzCheckDigit(s))).toBe(check(s));
    }));
  });
});

describe('parseMrzTd1 — good samples', () => {
  it('reads a Vietnamese CCCD MRZ', () => {
    const r = parseMrzTd1(td1(base), TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        documentCode: 'ID',
        issuingState: 'VNM',
        documentNumber: '203001234',
        idNumber: '001203001234',
        fullName: 'NGUYEN THI HONG NHUNG',
        dateOfBirth: '2003-04-15',
        age: 23,
        gender: 'Nữ',
        expiryDate: '2028-04-15',
        expired: false,
        nationality: 'VNM',
      },
    });
  });

  it('reads the ICAO 9303 TD1 specimen (Utopia)', () => {
    const specimen = 'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';
    const r = parseMrzTd1(specimen, TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toMatchObject({ documentNumber: 'D23145890', fullName: 'ERIKSSON ANNA MARIA', dateOfBirth: '1974-08-12', gender: 'Nữ', expiryDate: '2012-04-15', expired: true, idNumber: null });
    }
  });

  it('tolerates CRLF, lower case, spaces and one 90-character line', () => {
    // A man born in 1960: his number's 4th digit is 0 (the base card's 2 would say 2060).
    const text = td1({ ...base, sex: 'M', dob: '600101', id: '001060001234', doc: '060001234' });
    for (const variant of [text.replace(/\n/g, '\r\n') + '\r\n', text.toLowerCase(), text.replace(/</g, ' <').replace(/^ /, ''), text.replace(/\n/g, '')]) {
      const r = parseMrzTd1(variant, TODAY);
      expect(r).toMatchObject({ ok: true, value: { gender: 'Nam', dateOfBirth: '1960-01-01', age: 66 } });
    }
  });

  it('reads a long document number that spills into the optional data', () => {
    const docField = 'ABC123456';
    const spill = '78';
    const full = docField + spill;
    const l1 = `I<VNM${docField}<${spill}${check(full)}${pad('', 15 - spill.length - 1)}`;
    const l2head = `900101${check('900101')}M300101${check('300101')}VNM${'<'.repeat(11)}`;
    const comp = l1.slice(5, 30) + l2head.slice(0, 7) + l2head.slice(8, 15) + l2head.slice(18, 29);
    const r = parseMrzTd1([l1, l2head + check(comp), pad('TRAN<<AN', 30)].join('\n'), TODAY);
    expect(r).toMatchObject({ ok: true, value: { documentNumber: 'ABC12345678', fullName: 'TRAN AN' } });
  });
});

describe('parseMrzTd1 — bad samples', () => {
  const good = td1(base);
  const swap = (line: number, pos: number, ch: string) => {
    const ls = good.split('\n');
    ls[line] = ls[line]!.slice(0, pos) + ch + ls[line]!.slice(pos + 1);
    return ls.join('\n');
  };
  it.each([
    ['', 'empty'],
    ['\n\n', 'empty'],
    ['hello', 'format'],
    [good.split('\n').slice(0, 2).join('\n'), 'format'],
    [good.replace('NGUYEN', 'NGUYỄN'), 'format'],
    [swap(0, 6, '9'), 'document_number'],
    [swap(1, 1, '4'), 'date_of_birth'],
    [swap(1, 9, '9'), 'expiry_date'],
    [swap(1, 20, 'X'), 'composite'],
    [swap(1, 29, String((Number(good.split('\n')[1]![29]) + 1) % 10)), 'composite'],
    [td1({ ...base, dob: '150231' }), 'date_of_birth'],
    [td1({ ...base, exp: '281332' }), 'expiry_date'],
    [td1({ ...base, sex: 'X' }), 'gender'],
  ])('%j → %s', (text, code) => {
    const r = parseMrzTd1(text, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/ \/ /);
    }
  });

  it('never throws on any string, nor on MRZ-shaped junk', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(typeof parseMrzTd1(s, TODAY).ok).toBe('boolean');
    }), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[A-Z0-9<]{30}$/), { minLength: 3, maxLength: 3 }), (ls) => {
      expect(typeof parseMrzTd1(ls.join('\n'), TODAY).ok).toBe('boolean');
    }));
  });
});

describe('parseMrzTd1 — the century of the birth year', () => {
  // The 4th digit of the 12-digit personal number gives century and sex (Decree 137/2015,
  // art. 13): 0/1 born 1900–1999, 2/3 born 2000–2099. Only without that number does the
  // two-digit year fall back to "20yy unless in the future".
  const card = (id: string, dob: string, sex = 'M') => td1({ ...base, doc: id.slice(3), id, dob, sex });
  it.each([
    ['born 1925, 4th digit 0', card('001025001234', '250310'), '1925-03-10', 101],
    ['born December 1926, 4th digit 1', card('001126001234', '261215', 'F'), '1926-12-15', 99],
    ['born 1960, 4th digit 0', card('079060001234', '600101'), '1960-01-01', 66],
    ['born 2025, 4th digit 2', card('001225001234', '250310'), '2025-03-10', 1],
    ['born 2003, 4th digit 3', card('001303001234', '030415', 'F'), '2003-04-15', 23],
    ['no personal number: the rule (Utopia specimen, 1974)', 'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<', '1974-08-12', 52],
  ])('%s', (_label, text, dateOfBirth, age) => {
    expect(parseMrzTd1(text, TODAY)).toMatchObject({ ok: true, value: { dateOfBirth, age } });
  });

  it('refuses a birth the century digit puts in the future (4th digit 4: born 2100–2199)', () => {
    expect(parseMrzTd1(card('001425001234', '250310'), TODAY)).toMatchObject({ ok: false, error: { code: 'date_of_birth' } });
  });
});

describe('parseMrzTd1 — the name line has letters and < only', () => {
  // Line 3 has no check digit, so an O read as 0 would otherwise become part of a name.
  it.each([
    ['NGUYEN<<HUU<CU0NG', 'name'],
    ['TRAN<<TH1<MAI', 'name'],
    ['0<<A', 'name'],
    ['LE<<VAN<8', 'name'],
  ])('%s → %s', (name, code) => {
    const r = parseMrzTd1(td1({ ...base, name }), TODAY);
    expect(r).toMatchObject({ ok: false, error: { code } });
    if (!r.ok) expect(r.error.message).toMatch(/quét lại \/ /);
  });

  it('still reads a name of letters and fillers', () => {
    expect(parseMrzTd1(td1({ ...base, name: 'NGUYEN<<HUU<CUONG' }), TODAY)).toMatchObject({ ok: true, value: { fullName: 'NGUYEN HUU CUONG' } });
  });
});
