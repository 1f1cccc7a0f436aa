import { describe, expect, it } from 'vitest';
import { localDate, reportPath, reportUrl } from './report-query.ts';

describe('reportUrl', () => {
  it('sends a date for the province periods and from/to for a range', () => {
    expect(reportUrl({ period: 'month', date: '2026-11-22', from: 'x', to: 'y' })).toBe('/api/v1/reports?period=month&date=2026-11-22');
    expect(reportUrl({ period: 'range', date: 'x', from: '2026-11-01', to: '2026-11-10' }, 'csv')).toBe(
      '/api/v1/reports?period=range&from=2026-11-01&to=2026-11-10&format=csv',
    );
  });
  it("gives the same address under the API for the client's call", () => {
    expect(reportPath({ period: 'year', date: '2026-11-22', from: 'x', to: 'y' })).toBe('/reports?period=year&date=2026-11-22');
  });
});

describe('localDate', () => {
  it('uses the Vietnam date, not UTC', () => {
    expect(localDate(new Date('2026-11-21T18:30:00Z'))).toBe('2026-11-22');
  });
});
