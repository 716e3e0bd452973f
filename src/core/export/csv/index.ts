/** CSV export under a profile. */
export { builtinCsvExportProfiles } from './builtin';
export { CSV_EXPORT_FIELDS, type CsvExportField, type CsvExportProfile, csvExportProfileSchema } from './profile';
export { type CsvExport, writeCsvExport } from './write';
