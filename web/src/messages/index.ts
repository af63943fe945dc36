// Every area's catalogue, merged. An area owns its keys' prefix ("chain.", "deviation.").
import common from './common';
import myWork from './my-work';
import chain from './chain';
import followUp from './follow-up';
import indicators from './indicators';
import deviations from './deviations';
import calendar from './calendar';
import admin from './admin';
import accessibility from './accessibility';
import notifications from './notifications';

export type Catalogue = Record<string, string>;
export interface Area {
  sv: Catalogue;
  en: Catalogue;
}

const areas: Area[] = [common, myWork, chain, followUp, indicators, deviations, calendar, admin, accessibility, notifications];

function merge(locale: 'sv' | 'en'): Catalogue {
  const merged: Catalogue = {};
  for (const area of areas) Object.assign(merged, area[locale]);
  return merged;
}

export const catalogues: Record<'sv' | 'en', Catalogue> = { sv: merge('sv'), en: merge('en') };
export const allAreas = areas;
