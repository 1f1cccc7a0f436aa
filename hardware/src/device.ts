/** What every device reports about itself, in the shape the queue-server's health API takes. */
export type PartKind = 'printer' | 'scanner' | 'keypad' | 'display';
export type PartHealth = 'ok' | 'warning' | 'error' | 'offline';
export type PartStatus = { id: string; kind: PartKind; status: PartHealth; detail?: string };
