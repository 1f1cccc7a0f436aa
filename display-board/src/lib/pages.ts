// The hall board's counter list in pages that each fit the panel: a citizen
// looks there for their number, so no row may be cut off. Rows are measured in
// the browser; this splits them greedily, in order, never reordering.

/** Row indices per page; a row taller than the panel still gets a page of its own. */
export function paginate(heights: number[], gap: number, available: number): number[][] {
  const pages: number[][] = [];
  let current: number[] = [];
  let used = 0;
  heights.forEach((h, i) => {
    const need = current.length === 0 ? h : used + gap + h;
    if (current.length > 0 && need > available) {
      pages.push(current);
      current = [i];
      used = h;
    } else {
      current.push(i);
      used = need;
    }
  });
  if (current.length > 0) pages.push(current);
  return pages;
}
