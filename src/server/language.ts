import type { SessionApi } from './platform/apps-script-api';

export type Language = 'de' | 'en';

/** German for a German-speaking user (de, de_AT, de_CH …), English for everyone else. */
export function userLanguage(session: SessionApi): Language {
  return session.getActiveUserLocale().toLowerCase().startsWith('de') ? 'de' : 'en';
}
