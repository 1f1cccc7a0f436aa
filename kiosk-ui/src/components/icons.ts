// Field icons (24×24 outline paths). Config names a field's icon; unknown
// names fall back to a folder so a new field never shows an empty tile.
export const ICONS: Record<string, string> = {
  folder: 'M3 6a2 2 0 0 1 2-2h5l2 2h7a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z',
  baby: 'M12 3a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm-7 18c0-4 3-7 7-7s7 3 7 7M10 7h.01M14 7h.01',
  family: 'M8 7a3 3 0 1 0 0-.01M16 8a2.5 2.5 0 1 0 0-.01M2 20c0-3.5 2.7-6 6-6s6 2.5 6 6M13 20c0-2.8 1.5-5 3.5-5S21 17.2 21 20',
  home: 'M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z',
  land: 'M3 20l5-9 4 6 3-4 6 7zM15 5a2 2 0 1 0 0 .01',
  'id-card': 'M3 6h18v12H3zM8 10a2 2 0 1 0 0 .01M5.5 16c.5-1.8 1.5-2.5 2.5-2.5s2 .7 2.5 2.5M13 10h5M13 13h4',
  briefcase: 'M3 8h18v11H3zM9 8V5h6v3M3 13h18',
  business: 'M4 21V5l8-2v18M12 9h8v12M7 8h2M7 12h2M7 16h2M15 13h2M15 17h2',
  car: 'M3 16l2-6h14l2 6v3h-3v-2H6v2H3zM7 10l1.5-4h7L17 10M7 14h.01M17 14h.01',
  document: 'M6 3h8l5 5v13H6zM14 3v5h5M9 13h7M9 17h7',
  stamp: 'M12 3a3 3 0 0 1 3 3c0 2-1.5 3-1.5 5h-3C10.5 9 9 8 9 6a3 3 0 0 1 3-3zM5 15h14v3H5zM7 21h10',
  scale: 'M12 3v18M5 21h14M4 8h16M7 8l-3 7h6zM17 8l-3 7h6z',
  heart: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.5A4 4 0 0 1 19 10c0 5.5-7 10-7 10z',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z',
  build: 'M4 21V9l8-5 8 5v12M9 21v-6h6v6',
  building: 'M5 21V4h10v17M15 9h4v12M3 21h18M8 7h2M8 11h2M8 15h2M17 13h.01M17 17h.01',
  people: 'M9 7a3 3 0 1 0 0-.01M17 8a2.5 2.5 0 1 0 0-.01M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M15.5 14.2c3 .3 5.5 2.6 5.5 5.8',
  shop: 'M4 9l1.5-5h13L20 9M4 9h16v2a2.7 2.7 0 0 1-5.3 0 2.7 2.7 0 0 1-5.4 0A2.7 2.7 0 0 1 4 11zM5 13v8h14v-8M10 21v-5h4v5',
  money: 'M3 7h18v10H3zM12 9.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5M6 10v4M18 10v4',
  labor: 'M7 7a3 3 0 1 0 0-.01M4 20v-5a3 3 0 0 1 6 0v5M14 10h7v10h-7zM16 10V8h3v2',
  education: 'M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5',
  health: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
  ticket: 'M3 7h18v4a2 2 0 0 0 0 4v4H3v-4a2 2 0 0 0 0-4zM14 7v12',
  search: 'M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM15.5 15.5L21 21',
  star: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z',
  calendar: 'M4 6h16v15H4zM4 10h16M8 3v5M16 3v5',
  info: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM12 11v6M12 7.5h.01',
};

export function iconPath(name: string): string {
  return ICONS[name] ?? ICONS.folder ?? '';
}
