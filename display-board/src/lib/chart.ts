// Geometry for the manager's plain-SVG bar charts.
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number | null;
  label: string;
}

/** A round axis maximum at or above `max`: 1, 2, 5 times a power of ten. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export function bars(points: { label: string; value: number | null }[], width: number, height: number, top: number, gap = 0.2): { bars: Bar[]; max: number } {
  const max = niceMax(Math.max(top, ...points.map((p) => p.value ?? 0)));
  const slot = points.length > 0 ? width / points.length : width;
  return {
    max,
    bars: points.map((p, i) => {
      const h = p.value === null ? 0 : (p.value / max) * height;
      return { x: i * slot + (slot * gap) / 2, y: height - h, width: slot * (1 - gap), height: h, value: p.value, label: p.label };
    }),
  };
}

/**
 * Every hour of the working day, widened to any hour with data, so a quiet hour
 * shows as a gap and the bars keep one width through the day.
 */
export function hourRange<T extends { hour: number }>(rows: T[], dayFrom = 7, dayTo = 17): number[] {
  if (rows.length === 0) return [];
  const hs = rows.map((r) => r.hour);
  const out: number[] = [];
  for (let h = Math.min(dayFrom, ...hs); h <= Math.max(dayTo, ...hs); h++) out.push(h);
  return out;
}
