// Importing a province's procedure catalogue (CSV or XLSX) into a centre's configuration.
export { parseCsv, detectSeparator } from './csv.ts';
export { readXlsx, looksLikeZip, XlsxError } from './xlsx.ts';
export { readTable, type TableResult } from './read.ts';
export { CATALOGUE_COLUMNS, COLUMN_LABELS, columnOf, findHeader, foldHeader, type CatalogueColumn, type HeaderMap } from './columns.ts';
export { readEntries, serviceMatcher, formatIssue, type CatalogueEntry, type CatalogueIssue, type EntriesResult } from './entries.ts';
export { planCatalogue, importCatalogue, applyCatalogue, SEE_PORTAL, type CataloguePlan, type CatalogueImport } from './plan.ts';
