/** DATEV EXTF Buchungsstapel export (contracts §3). */
export { datevProblemsOf, writeDatevBatches, type DatevFile } from './write';
export type { DatevMeta } from './header';
export { automaticAccountsFor, DATEV_DEFAULTS, type DatevSettings, datevSettingsSchema } from './settings';
