// The UI's words, in Swedish (the default) and English. Every string a user reads comes from
// the catalogues in src/messages, one file per area of the UI; a key missing in either
// language fails the catalogue test, so no screen falls back to the other language unnoticed.

import { catalogues } from '../messages';

export type Locale = 'sv' | 'en';
export type Params = Record<string, string | number>;

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('styr.locale');

class Language {
  locale = $state<Locale>(stored === 'en' ? 'en' : 'sv');

  set(locale: Locale): void {
    this.locale = locale;
    localStorage.setItem('styr.locale', locale);
    document.documentElement.lang = locale;
  }
}

export const language = new Language();

/** The text of `key` in the current language, with {name} replaced by `params.name`. */
export function t(key: string, params: Params = {}): string {
  const text = catalogues[language.locale][key] ?? catalogues.sv[key];
  if (text === undefined) {
    // A missing key is a bug the catalogue test catches; show the key rather than nothing.
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** The text for an API enum value ("status.acknowledged"), or the value itself if unknown. */
export function label(group: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  const key = `${group}.${value}`;
  const text = catalogues[language.locale][key];
  return text ?? value;
}
