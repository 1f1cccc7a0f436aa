import { describe, expect, it } from 'vitest';
import { routeOf } from './route.ts';

describe('routeOf', () => {
  it('finds each screen', () => {
    expect(routeOf('/board')).toEqual({ kind: 'hall' });
    expect(routeOf('/board/')).toEqual({ kind: 'hall' });
    expect(routeOf('/board/entrance')).toEqual({ kind: 'entrance' });
    expect(routeOf('/board/entrance/x')).toEqual({ kind: 'unknown' });
    expect(routeOf('/board/counter/5')).toEqual({ kind: 'counter', number: 5 });
    expect(routeOf('/manager')).toEqual({ kind: 'manager', page: 'live' });
    expect(routeOf('/manager/reports')).toEqual({ kind: 'manager', page: 'reports' });
    expect(routeOf('/manager/planner')).toEqual({ kind: 'manager', page: 'planner' });
    expect(routeOf('/manager/live')).toEqual({ kind: 'manager', page: 'live' });
    expect(routeOf('/admin')).toEqual({ kind: 'admin', page: 'centre' });
    expect(routeOf('/admin/')).toEqual({ kind: 'admin', page: 'centre' });
    expect(routeOf('/admin/counters')).toEqual({ kind: 'admin', page: 'counters' });
    expect(routeOf('/admin/devices')).toEqual({ kind: 'admin', page: 'devices' });
    expect(routeOf('/province')).toEqual({ kind: 'province', page: 'live' });
    expect(routeOf('/province/reports')).toEqual({ kind: 'province', page: 'reports' });
    expect(routeOf('/province/centre/xa-my-hoa-hung')).toEqual({ kind: 'province', page: 'centre', centreId: 'xa-my-hoa-hung' });
  });
  it('does not guess on a bad path', () => {
    expect(routeOf('/board/counter/x')).toEqual({ kind: 'unknown' });
    expect(routeOf('/board/other')).toEqual({ kind: 'unknown' });
    expect(routeOf('/')).toEqual({ kind: 'unknown' });
    expect(routeOf('/admin/other')).toEqual({ kind: 'unknown' });
    expect(routeOf('/admin/fields/x')).toEqual({ kind: 'unknown' });
    expect(routeOf('/province/centre/')).toEqual({ kind: 'unknown' });
    expect(routeOf('/province/centre/Bad%20Id')).toEqual({ kind: 'unknown' });
    expect(routeOf('/province/other')).toEqual({ kind: 'unknown' });
  });
});
