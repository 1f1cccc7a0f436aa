export * from './qr.ts';
export * from './mrz.ts';
export { vietnamToday, ageOn } from './dates.ts';
