export * from './schema.ts';
export * from './load.ts';
export * from './text.ts';
export * from './hours.ts';
export * from './strings/index.ts';
export * from './catalogue/index.ts';
export * from './dump.ts';
export * from './documents.ts';
