import { describe, expect, it } from 'vitest';
import { chipKeyFrom, dmyToYymmdd, showDmy } from './chip-key.ts';

describe('the access key typed from a CCCD', () => {
  it('is the MRZ\'s own three fields: the last 9 digits of the number and the dates as YYMMDD', () => {
    // the TD1 MRZ of this card reads IDVNM050012345<1001050012345<<… / 560305…310305…
    expect(chipKeyFrom({ idNumber: '001050012345', dateOfBirth: '05/03/1956', dateOfExpiry: '05/03/2031' })).toEqual({
      key: { documentNumber: '050012345', dateOfBirth: '560305', dateOfExpiry: '310305' },
    });
  });

  it('names the first field that is wrong', () => {
    const ok = { idNumber: '001050012345', dateOfBirth: '05/03/1956', dateOfExpiry: '05/03/2031' };
    expect(chipKeyFrom({ ...ok, idNumber: '00105001234' })).toEqual({ problem: 'idNumber' });
    expect(chipKeyFrom({ ...ok, idNumber: '123456789' })).toEqual({ problem: 'idNumber' });
    expect(chipKeyFrom({ ...ok, dateOfBirth: '31/04/1956' })).toEqual({ problem: 'dateOfBirth' });
    expect(chipKeyFrom({ ...ok, dateOfExpiry: '05/13/2031' })).toEqual({ problem: 'dateOfExpiry' });
    expect(chipKeyFrom({ ...ok, dateOfExpiry: '05/03/1950' })).toEqual({ problem: 'expiryBeforeBirth' });
  });

  it('reads dd/mm/yyyy with or without the slashes, and a 29 February only in a leap year', () => {
    expect(dmyToYymmdd('29022000')).toBe('000229');
    expect(dmyToYymmdd('29/02/1955')).toBeNull();
    expect(dmyToYymmdd('1/2/1955')).toBeNull();
    expect(showDmy('0503195')).toBe('05/03/195');
    expect(showDmy('05031956999')).toBe('05/03/1956');
  });
});
