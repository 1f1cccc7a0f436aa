// Booking form rules shared by the screen and its tests.

/** Vietnamese mobile and landline numbers as people write them: 10 digits starting with 0. */
export function validPhone(s: string): boolean {
  return /^0\d{9}$/.test(s.replace(/[\s.-]/g, ''));
}

