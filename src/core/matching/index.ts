/** The matching engine's public face: types and the functions the CLI, the tables and the custom functions call. */
export * from './types';
export { jaroWinkler } from './jaro-winkler';
export { normaliseReference } from './reference';
export { createMatcher, matchAll } from './matcher';
export { createNumberFinder } from './number-finder';
export { createIbanLookup } from './iban-lookup';
