import { describe, expect, it } from 'vitest';
import { periodOf, rangePeriod } from './period.ts';

describe('reporting periods', () => {
  it('An Giang month: the 21st of the previous month to the 20th', () => {
    expect(periodOf('month', '2026-11-20', 21)).toMatchObject({ from: '2026-10-21', to: '2026-11-20', label: 'Tháng 11/2026', days: 31 });
    expect(periodOf('month', '2026-11-21', 21)).toMatchObject({ from: '2026-11-21', to: '2026-12-20', label: 'Tháng 12/2026' });
    expect(periodOf('month', '2026-12-25', 21)).toMatchObject({ from: '2026-12-21', to: '2027-01-20', label: 'Tháng 1/2027' });
    expect(periodOf('month', '2026-03-05', 21)).toMatchObject({ from: '2026-02-21', to: '2026-03-20' });
  });
  it('calendar month, quarter and year when months start on the 1st', () => {
    expect(periodOf('month', '2028-02-10', 1)).toMatchObject({ from: '2028-02-01', to: '2028-02-29', days: 29 });
    expect(periodOf('quarter', '2026-11-22', 1)).toMatchObject({ from: '2026-10-01', to: '2026-12-31', label: 'Quý IV/2026' });
    expect(periodOf('year', '2026-06-01', 1)).toMatchObject({ from: '2026-01-01', to: '2026-12-31', days: 365 });
  });
  it('quarters and years follow the 21st-to-20th months', () => {
    expect(periodOf('quarter', '2026-11-22', 21)).toMatchObject({ from: '2026-09-21', to: '2026-12-20', label: 'Quý IV/2026' });
    expect(periodOf('quarter', '2026-12-21', 21)).toMatchObject({ from: '2026-12-21', to: '2027-03-20', label: 'Quý I/2027' });
    expect(periodOf('year', '2026-06-01', 21)).toMatchObject({ from: '2025-12-21', to: '2026-12-20', label: 'Năm 2026' });
  });
  it('a free range', () => {
    expect(rangePeriod('2026-11-01', '2026-11-22')).toMatchObject({ label: 'Từ 01/11/2026 đến 22/11/2026', days: 22 });
  });
});
