// Every screen of the UI and its address. Screens other than the start page and sign-in are
// loaded when first visited, so the first page needs only its own code.
import type { Component } from 'svelte';
import { compile, type RouteDefinition } from './lib/router.svelte';
import MyWork from './screens/MyWork.svelte';
import SignIn from './screens/SignIn.svelte';

export interface ScreenProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

type Loader = () => Promise<{ default: Component<ScreenProps> }>;

export interface Screen extends RouteDefinition {
  load: Loader;
  /** Catalogue key of the page's title (the screen's h1 may say more). */
  title: string;
  /** Shown to nobody signed in too. */
  public?: boolean;
}

const eager = (component: Component<ScreenProps>): Loader => () => Promise.resolve({ default: component });

function screen(pattern: string, title: string, load: Loader, isPublic = false): Screen {
  return { ...compile(pattern), load, title, public: isPublic };
}

export const screens: Screen[] = [
  screen('/', 'nav.myWork', eager(MyWork)),
  screen('/logga-in', 'signIn.title', eager(SignIn), true),
  screen('/styrkedjan', 'nav.chain', () => import('./screens/Chain.svelte')),
  screen('/uppdrag/:code', 'chain.itemTitle', () => import('./screens/Item.svelte')),
  screen('/uppdrag/:code/nytt', 'chain.issueTitle', () => import('./screens/IssueItem.svelte')),
  screen('/uppfoljning', 'nav.followUp', () => import('./screens/FollowUp.svelte')),
  screen('/uppfoljning/:occasion', 'followUp.overviewTitle', () => import('./screens/Occasion.svelte')),
  screen('/uppfoljning/:occasion/:recipient', 'followUp.reportBackTitle', () => import('./screens/ReportBack.svelte')),
  screen('/indikatorer', 'nav.indicators', () => import('./screens/Indicators.svelte')),
  screen('/indikatorer/:code', 'indicators.indicatorTitle', () => import('./screens/Indicator.svelte')),
  screen('/avvikelser', 'nav.deviations', () => import('./screens/Deviations.svelte')),
  screen('/avvikelser/ny', 'deviations.reportTitle', () => import('./screens/ReportDeviation.svelte')),
  screen('/avvikelser/:code', 'deviations.deviationTitle', () => import('./screens/Deviation.svelte')),
  screen('/kalender', 'nav.calendar', () => import('./screens/Calendar.svelte')),
  screen('/notiser', 'notifications.title', () => import('./screens/Notifications.svelte')),
  screen('/administration', 'nav.admin', () => import('./screens/Admin.svelte')),
  screen('/administration/enheter', 'admin.unitsTitle', () => import('./screens/AdminUnits.svelte')),
  screen('/administration/personer', 'admin.peopleTitle', () => import('./screens/AdminPeople.svelte')),
  screen('/administration/personer/:code', 'admin.personTitle', () => import('./screens/AdminPerson.svelte')),
  screen('/administration/import', 'admin.importTitle', () => import('./screens/AdminImport.svelte')),
  screen('/administration/nycklar', 'admin.tokensTitle', () => import('./screens/AdminTokens.svelte')),
  screen('/tillganglighet', 'accessibility.title', () => import('./screens/Accessibility.svelte'), true),
];
