/** Identity data for the virtual chip: a TD1 MRZ with correct check digits and the matching DG13. */
import { mrzCheckDigit } from '../cccd/mrz.ts';
import type { Dg13 } from '../cccd/dg13.ts';
import type { VirtualCard } from './chip-sim.ts';

export type CardPerson = {
  /** 12 digits */
  idNumber: string;
  surname: string;
  given: string;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: 'Nam' | 'Nữ';
  /** YYYY-MM-DD */
  dateOfExpiry: string;
  ethnicity?: string;
  religion?: string;
  placeOfOrigin?: string;
  placeOfResidence?: string;
  fatherName?: string;
  motherName?: string;
  oldIdNumber?: string;
};

const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The Vietnamese CCCD's TD1 MRZ: the document number is the ID number's last 9 digits, the ID number in the optional data. */
export function td1Mrz(p: CardPerson): string {
  const doc = p.idNumber.slice(3);
  const l1 = `IDVNM${doc}${mrzCheckDigit(doc)}${p.idNumber.padEnd(15, '<')}`;
  const dob = yymmdd(p.dateOfBirth);
  const exp = yymmdd(p.dateOfExpiry);
  const head = `${dob}${mrzCheckDigit(dob)}${p.gender === 'Nam' ? 'M' : 'F'}${exp}${mrzCheckDigit(exp)}VNM`.padEnd(29, '<');
  const composite = l1.slice(5, 30) + head.slice(0, 7) + head.slice(8, 15) + head.slice(18, 29);
  const l2 = head + mrzCheckDigit(composite);
  const l3 = `${p.surname}<<${p.given.replace(/ /g, '<')}`.padEnd(30, '<').slice(0, 30);
  return [l1, l2, l3].join('\n');
}

export function virtualCard(p: CardPerson): VirtualCard {
  const dg13: Dg13 = {
    idNumber: p.idNumber,
    fullName: p.fullName,
    dateOfBirth: dmy(p.dateOfBirth),
    gender: p.gender,
    nationality: 'Việt Nam',
    ethnicity: p.ethnicity ?? 'Kinh',
    religion: p.religion ?? 'Không',
    placeOfOrigin: p.placeOfOrigin ?? 'Xã Đông Hưng, Huyện Thái Thuỵ, Thái Bình',
    placeOfResidence: p.placeOfResidence ?? 'Số 7 ngõ 12 Phố Huế, Phường Phạm Đình Hổ, Hai Bà Trưng, Hà Nội',
    identifyingFeatures: 'Nốt ruồi C:1cm trên đuôi mắt trái',
    dateOfIssue: '10/08/2021',
    dateOfExpiry: dmy(p.dateOfExpiry),
    fatherName: p.fatherName ?? 'Nguyễn Văn Đức',
    motherName: p.motherName ?? 'Trần Thị Thuỷ',
    oldIdNumber: p.oldIdNumber ?? '012345678',
  };
  return { mrz: td1Mrz(p), dg13 };
}

/** A woman who turned 70 a month before `today` (so the elderly priority applies), her card valid five more years. */
export function seventyYearOld(today: Date = new Date()): CardPerson {
  const birth = new Date(Date.UTC(today.getUTCFullYear() - 70, today.getUTCMonth(), today.getUTCDate()) - 30 * 86_400_000);
  const iso = birth.toISOString().slice(0, 10);
  return {
    idNumber: `0011${iso.slice(2, 4)}012345`,
    surname: 'NGUYEN',
    given: 'THI HUONG',
    fullName: 'Nguyễn Thị Hường',
    dateOfBirth: iso,
    gender: 'Nữ',
    dateOfExpiry: `${today.getUTCFullYear() + 5}${iso.slice(4)}`,
    ethnicity: 'Kinh',
    religion: 'Phật giáo',
  };
}
