// Deviations (D11): the API's shapes, the unit tree they are reported on, who may take which
// step, and the words the register, the form and the deviation's page show.
import { ApiError, get, query as queryString } from './api';
import {
  isPoliticalBody,
  type ActionStatus,
  type Category,
  type DeviationState,
  type Page,
  type PersonRef,
  type UnitKind,
  type UnitLeader,
  type UnitNode,
  type UnitTree,
} from './api-types';
import { compareSv, formatDate, formatDateTime, parseNumber } from './format';
import { errorsByName, type FieldError } from './form-errors';
import { label, t } from './i18n.svelte';
import { currentUnitTree } from './server-day';
import type { Membership } from './session.svelte';

export const categories: readonly Category[] = ['finances', 'operations', 'quality', 'work_environment', 'unforeseen_event', 'other'];
export const gravities = [1, 2, 3, 4] as const;
export type Reach = 'unit' | 'sector' | 'executive_board' | 'council';

export interface DeviationLevel {
  position: number;
  unit: string;
  unit_name: string;
  people: PersonRef[];
  notified_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  took_minutes: number | null;
  due_at: string | null;
  reminded_at: string | null;
  escalated_at: string | null;
  released_at: string | null;
}

export interface DeviationAction {
  number: number;
  description: string;
  owner: string;
  owner_name: string;
  due: string;
  status: ActionStatus;
  added_by: string;
  added_at: string;
}

export type EventKind =
  | 'reported'
  | 'notified'
  | 'acknowledged'
  | 'commented'
  | 'assessed'
  | 'raised'
  | 'lowered'
  | 'action_added'
  | 'action_changed'
  | 'reminded'
  | 'escalated'
  | 'closed';

export interface DeviationEvent {
  sequence: number;
  at: string;
  person: string | null;
  person_name: string | null;
  kind: EventKind;
  text: string;
  gravity: number | null;
  level: number | null;
  action: number | null;
  people: string[];
}

export interface Deviation {
  code: string;
  unit: string;
  unit_name: string;
  reported_by: string;
  reported_by_name: string;
  reported_at: string;
  category: Category;
  gravity: number;
  title: string;
  description: string;
  occurred_on: string;
  affected_items: string[];
  affected_indicators: string[];
  budget_effect_sek: number | null;
  immediate_actions: string;
  confidential: boolean;
  state: DeviationState;
  closing_note: string;
  closed_by: string | null;
  closed_by_name: string | null;
  closed_at: string | null;
  council_listed_at: string | null;
  council_meeting: string | null;
  levels: DeviationLevel[];
  actions: DeviationAction[];
  timeline: DeviationEvent[];
  revision: number;
}

export interface NewDeviation {
  unit: string;
  category: Category;
  gravity: number;
  title: string;
  description: string;
  occurred_on: string;
  affected_items?: string[];
  affected_indicators?: string[];
  budget_effect_sek?: number | null;
  immediate_actions?: string;
  confidential?: boolean;
}

export interface GravityRule {
  gravity: number;
  reach: Reach;
  hours?: number | null;
  business_days?: number | null;
}

export interface DeviationSettings {
  rules: GravityRule[];
}

export interface AcknowledgementStats {
  reach: Reach;
  told: number;
  acknowledged: number;
  waiting: number;
  median_minutes: number | null;
  max_minutes: number | null;
}

export interface DeviationStatistics {
  total: number;
  acknowledgement: AcknowledgementStats[];
  by_gravity: Record<string, number>;
  by_state: Record<string, number>;
  by_category: Record<string, number>;
}

// ---------------------------------------------------------------------------------------------
// The unit tree: which units a deviation is reported on and how far up it goes.

/** A unit of the tree, flattened: `depth` 0 is the root. */
export interface UnitEntry {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string;
  depth: number;
  heads: UnitLeader[];
  /** Valid on the tree's day. */
  current: boolean;
}

export interface Units {
  today: string;
  list: UnitEntry[];
  byCode: Map<string, UnitEntry>;
  root: UnitEntry | null;
}

/** The tree in reading order (a unit, then what is below it, siblings in Swedish order). */
export function flattenUnits(tree: UnitTree): Units {
  const list: UnitEntry[] = [];
  const today = tree.as_of;
  const walk = (node: UnitNode, depth: number) => {
    list.push({
      code: node.code,
      name: node.name,
      kind: node.kind,
      parent: node.parent,
      depth,
      heads: node.heads,
      current: node.valid_from <= today && (node.valid_to === null || node.valid_to >= today),
    });
    const children = [...node.children].sort((a, b) => compareSv(a.name, b.name));
    for (const child of children) walk(child, depth + 1);
  };
  if (tree.root) walk(tree.root, 0);
  return { today, list, byCode: new Map(list.map((unit) => [unit.code, unit])), root: list[0] ?? null };
}

let flattened: { tree: Promise<UnitTree>; units: Promise<Units> } | null = null;

/** Today's unit tree, flattened: asked once a session (lib/server-day). */
export function loadUnits(): Promise<Units> {
  const tree = currentUnitTree();
  if (flattened?.tree !== tree) flattened = { tree, units: tree.then(flattenUnits) };
  return flattened.units;
}

/** Whether `code` is `ancestor` or lies below it. */
export function isAtOrBelow(units: Units, code: string, ancestor: string): boolean {
  let at = units.byCode.get(code);
  const seen = new Set<string>();
  while (at && !seen.has(at.code)) {
    if (at.code === ancestor) return true;
    seen.add(at.code);
    at = at.parent ? units.byCode.get(at.parent) : undefined;
  }
  return false;
}

/** How far up a unit of this kind lies: the reach that ends at it. */
export function reachOf(kind: UnitKind): Reach {
  switch (kind) {
    case 'council':
      return 'council';
    case 'drafting_committee':
    case 'executive_board':
    case 'committee':
    case 'chief_executive_office':
      return 'executive_board';
    case 'sector':
      return 'sector';
    default:
      return 'unit';
  }
}

const reachOrder: Reach[] = ['unit', 'sector', 'executive_board', 'council'];

/** The unit and each unit above it, up to the root. */
export function escalationPath(units: Units, code: string): UnitEntry[] {
  const path: UnitEntry[] = [];
  const seen = new Set<string>();
  let at = units.byCode.get(code);
  while (at && !seen.has(at.code)) {
    path.push(at);
    seen.add(at.code);
    at = at.parent ? units.byCode.get(at.parent) : undefined;
  }
  return path;
}

/** The levels told when a deviation of this reach is reported on the path's first unit: the
 * same rule as the server's, so the form can say who will be told before it is sent. */
export function levelsFor(path: UnitEntry[], reach: Reach): UnitEntry[] {
  const limit = reachOrder.indexOf(reach);
  let count = 0;
  let reached = false;
  for (const unit of path) {
    const of = reachOrder.indexOf(reachOf(unit.kind));
    if (of > limit) break;
    reached = reached || of === limit;
    count++;
  }
  if (count === 0) return path.slice(0, 1);
  // A path with no unit of exactly that reach (a company under the council) goes one further.
  if (!reached && count < path.length) count++;
  return path.slice(0, count);
}

/** The units the caller may report on (D13): those they belong to, and for a head every unit
 * below; an administrator membership gives no place in its unit. */
export function reportableUnits(memberships: Membership[], units: Units): UnitEntry[] {
  const own = memberships.filter((m) => m.role !== 'administrator');
  const heads = own.filter((m) => m.role === 'head').map((m) => m.unit);
  const belongs = new Set(own.map((m) => m.unit));
  return units.list.filter(
    (unit) => unit.current && (belongs.has(unit.code) || heads.some((head) => isAtOrBelow(units, unit.code, head))),
  );
}

/** "Grundskola Aspenäs" indented by its depth, for a <select>. */
export function indentedName(unit: UnitEntry, base = 0): string {
  return `${'\u00a0\u00a0'.repeat(Math.max(0, unit.depth - base))}${unit.name}`;
}

// ---------------------------------------------------------------------------------------------
// Who may take which step (the server decides; the page offers what it would allow).

export interface Caller {
  person: string | null;
  memberships: Membership[];
}

export interface Rights {
  /** Levels the caller acts for that still have to say "I know". */
  toAcknowledge: DeviationLevel[];
  /** The caller acts for a level, but every one of them has acknowledged or was released. */
  acknowledged: boolean;
  /** Assess, change the gravity, add and change actions, close. */
  handle: boolean;
  comment: boolean;
  /** Numbers of the actions the caller owns (they report those actions' progress). */
  ownActions: number[];
  reporter: boolean;
}

/** Whether the caller answers for the level's unit today: its head, or for a political body
 * its chair or secretary (a controller membership there). */
function answersFor(caller: Caller, unitCode: string, units: Units | null, withChair: boolean): boolean {
  const kind = units?.byCode.get(unitCode)?.kind;
  return caller.memberships.some((m) => {
    if (m.unit !== unitCode) return false;
    if (kind === undefined) return m.role === 'head' || m.role === 'controller' || (withChair && m.role === 'chair');
    if (isPoliticalBody(kind)) return m.role === 'controller' || (withChair && m.role === 'chair');
    return m.role === 'head';
  });
}

/** What the caller may do with the deviation, mirroring the server's rules (docs/permissions.md
 * handle_deviation and comment_deviation): the chain handles, the reporter comments, an
 * action's owner reports its progress. */
export function rightsOn(deviation: Deviation, caller: Caller, units: Units | null): Rights {
  const me = caller.person;
  const open = deviation.state === 'open';
  const told = (level: DeviationLevel) => me !== null && level.people.some((p) => p.code === me);
  const actsFor = (level: DeviationLevel) => told(level) || answersFor(caller, level.unit, units, true);
  const inChain = deviation.levels.some(
    (level) => told(level) || (level.released_at === null && answersFor(caller, level.unit, units, true)),
  );
  const mine = deviation.levels.filter(actsFor);
  const toAcknowledge = mine.filter((level) => level.acknowledged_at === null && level.released_at === null);
  const reporter = me !== null && deviation.reported_by === me;
  return {
    toAcknowledge: open ? toAcknowledge : [],
    acknowledged: mine.length > 0 && toAcknowledge.length === 0,
    handle: open && inChain,
    comment: open && (inChain || reporter),
    ownActions: open && me !== null ? deviation.actions.filter((a) => a.owner === me).map((a) => a.number) : [],
    reporter,
  };
}

// ---------------------------------------------------------------------------------------------
// The register's filters, in the address bar and to the API.

export interface RegisterFilters {
  unit: string;
  category: string;
  gravity: string;
  state: string;
  from: string;
  to: string;
  page: number;
}

export type RegisterView = 'waiting' | 'all';

export const emptyFilters: RegisterFilters = { unit: '', category: '', gravity: '', state: '', from: '', to: '', page: 1 };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the address: `?visa=alla&enhet=LAR-E01&kategori=…`; `waiting_for=me` is the
 * inbox too (the API's own word). Values the API would refuse are dropped. */
export function filtersFromQuery(search: URLSearchParams): { view: RegisterView | null; filters: RegisterFilters } {
  const visa = search.get('visa');
  const view: RegisterView | null =
    visa === 'mig' || search.get('waiting_for') === 'me' ? 'waiting' : visa === 'alla' ? 'all' : null;
  const category = search.get('kategori') ?? '';
  const gravity = search.get('grad') ?? '';
  const state = search.get('status') ?? '';
  const from = search.get('fran') ?? '';
  const to = search.get('till') ?? '';
  const page = Number.parseInt(search.get('sida') ?? '1', 10);
  return {
    view,
    filters: {
      unit: search.get('enhet') ?? '',
      category: (categories as readonly string[]).includes(category) ? category : '',
      gravity: ['1', '2', '3', '4'].includes(gravity) ? gravity : '',
      state: state === 'open' || state === 'closed' ? state : '',
      from: isoDate.test(from) ? from : '',
      to: isoDate.test(to) ? to : '',
      page: Number.isFinite(page) && page > 0 ? page : 1,
    },
  };
}

/** The screen's address for a view and filters. */
export function registerAddress(view: RegisterView | null, filters: RegisterFilters): string {
  return `/avvikelser${queryString({
    visa: view === 'waiting' ? 'mig' : view === 'all' ? 'alla' : null,
    enhet: filters.unit,
    kategori: filters.category,
    grad: filters.gravity,
    status: filters.state,
    fran: filters.from,
    till: filters.to,
    sida: filters.page > 1 ? filters.page : null,
  })}`;
}

/** The API's query for the filters (without paging, for the statistics and the export). */
export function apiFilters(filters: RegisterFilters, waiting: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  if (filters.unit) out.unit = filters.unit;
  if (filters.category) out.category = filters.category;
  if (filters.gravity) out.gravity = filters.gravity;
  if (filters.state) out.state = filters.state;
  if (filters.from) out.from = filters.from;
  if (filters.to) out.to = filters.to;
  if (waiting) out.waiting_for = 'me';
  return out;
}

export function hasFilters(filters: RegisterFilters): boolean {
  return Boolean(filters.unit || filters.category || filters.gravity || filters.state || filters.from || filters.to);
}

// ---------------------------------------------------------------------------------------------
// Words.

/** "45 min", "2 tim 5 min", "3 d 4 tim": how long a level took to acknowledge. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '–';
  const whole = Math.max(0, Math.round(minutes));
  if (whole < 60) return t('deviations.minutes', { m: whole });
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours < 24) {
    return rest === 0 ? t('deviations.hours', { h: hours }) : t('deviations.hoursMinutes', { h: hours, m: rest });
  }
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours === 0 ? t('deviations.days', { d: days }) : t('deviations.daysHours', { d: days, h: restHours });
}

/** The time a level has to acknowledge: "4 timmar", "1 arbetsdag". */
export function timeLimitText(rule: GravityRule | undefined): string {
  if (!rule) return '';
  if (rule.hours) return t(rule.hours === 1 ? 'deviations.limitHour' : 'deviations.limitHours', { n: rule.hours });
  if (rule.business_days) {
    return t(rule.business_days === 1 ? 'deviations.limitDay' : 'deviations.limitDays', { n: rule.business_days });
  }
  return '';
}

/** Where a level stands, for its badge. */
export type LevelState = 'acknowledged' | 'waiting' | 'released' | 'closed';

export function levelState(level: DeviationLevel, deviation: Pick<Deviation, 'state'>): LevelState {
  if (level.acknowledged_at) return 'acknowledged';
  if (level.released_at) return 'released';
  return deviation.state === 'closed' ? 'closed' : 'waiting';
}

const actionChange = /^(planned|in_progress|done|moved)(, .*)?$/s;

/** A timeline entry in words: who did what, and the text that goes with it. */
export function eventSummary(event: DeviationEvent, deviation: Deviation): { what: string; text: string } {
  const who = event.person_name ?? t('deviations.event.system');
  const level = event.level === null ? undefined : deviation.levels.find((l) => l.position === event.level);
  const unit = level?.unit_name ?? event.text;
  const names = new Map<string, string>();
  for (const l of deviation.levels) for (const p of l.people) names.set(p.code, p.name);
  const people = event.people.map((code) => names.get(code) ?? code).join(', ');
  const gravity = event.gravity === null ? '' : label('gravity', String(event.gravity));
  switch (event.kind) {
    case 'reported':
      return { what: t('deviations.event.reported', { who, gravity }), text: '' };
    case 'notified':
      return {
        what: people
          ? t('deviations.event.notified', { unit, people })
          : t('deviations.event.notifiedNobody', { unit }),
        text: '',
      };
    case 'acknowledged':
      return { what: t('deviations.event.acknowledged', { who, unit }), text: '' };
    case 'commented':
      return { what: t('deviations.event.commented', { who }), text: event.text };
    case 'assessed':
      return { what: t('deviations.event.assessed', { who }), text: event.text };
    case 'raised':
      return { what: t('deviations.event.raised', { who, gravity }), text: event.text };
    case 'lowered':
      return { what: t('deviations.event.lowered', { who, gravity }), text: event.text };
    case 'action_added':
      return { what: t('deviations.event.actionAdded', { who, number: event.action ?? '' }), text: event.text };
    case 'action_changed': {
      // The server writes "in_progress, klart senast 2025-12-19: why"; the status is shown in
      // the reader's words.
      const match = actionChange.exec(event.text);
      const text = match ? `${label('actionStatus', match[1])}${match[2] ?? ''}` : event.text;
      return { what: t('deviations.event.actionChanged', { who, number: event.action ?? '' }), text };
    }
    case 'reminded':
      return {
        what: people
          ? t('deviations.event.reminded', { unit, people })
          : t('deviations.event.remindedNobody', { unit }),
        text: '',
      };
    case 'escalated':
      return { what: t('deviations.event.escalated', { unit }), text: '' };
    case 'closed':
      return { what: t('deviations.event.closed', { who }), text: event.text };
    default:
      return { what: String(event.kind), text: event.text };
  }
}

// ---------------------------------------------------------------------------------------------
// The report form's own checks, in the reader's words, before the server is asked.

export interface ReportForm {
  unit: string;
  category: string;
  gravity: string;
  title: string;
  description: string;
  occurred_on: string;
  budget: string;
  immediate_actions: string;
  confidential: boolean;
  items: string[];
  indicators: string[];
}

export function checkReport(form: ReportForm, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!form.unit) errors.push({ field: 'unit', message: t('deviations.error.unit') });
  if (!form.category) errors.push({ field: 'category', message: t('deviations.error.category') });
  if (!['1', '2', '3', '4'].includes(form.gravity)) errors.push({ field: 'gravity', message: t('deviations.error.gravity') });
  if (!form.title.trim()) errors.push({ field: 'title', message: t('deviations.error.title') });
  if (!form.description.trim()) errors.push({ field: 'description', message: t('deviations.error.description') });
  if (!isoDate.test(form.occurred_on)) {
    errors.push({ field: 'occurred_on', message: t('deviations.error.occurredOn') });
  } else if (today && form.occurred_on > today) {
    errors.push({ field: 'occurred_on', message: t('deviations.error.occurredFuture', { today: formatDate(today) }) });
  }
  const budget = parseNumber(form.budget);
  if (form.budget.trim() !== '' && (budget === null || !Number.isInteger(budget))) {
    errors.push({ field: 'budget_effect_sek', message: t('deviations.error.budget') });
  }
  return errors;
}

export function reportBody(form: ReportForm): NewDeviation {
  return {
    unit: form.unit,
    category: form.category as Category,
    gravity: Number(form.gravity),
    title: form.title.trim(),
    description: form.description.trim(),
    occurred_on: form.occurred_on,
    affected_items: form.items,
    affected_indicators: form.indicators,
    budget_effect_sek: parseNumber(form.budget),
    immediate_actions: form.immediate_actions.trim(),
    confidential: form.confidential,
  };
}

/** "2025-10-06 07:30", for a reader; re-exported so screens need one import. */
export const when = formatDateTime;

/** An item as the list of items gives it, what the form needs to offer it. */
export interface ItemBrief {
  code: string;
  kind: string;
  title: string;
  status: string;
  recipient_name?: string;
}

/** The items a deviation on `unit` may concern, offered as choices: what the unit received
 * and issued, and what the reporter received personally; drafts and cancelled ones are no
 * work under way. */
export async function itemsForReport(unit: string, person: string | null): Promise<ItemBrief[]> {
  const asks = [
    get<Page<ItemBrief>>(`/items${queryString({ recipient: unit, per_page: 200 })}`),
    get<Page<ItemBrief>>(`/items${queryString({ issuer: unit, per_page: 200 })}`),
  ];
  if (person) asks.push(get<Page<ItemBrief>>(`/items${queryString({ recipient: person, per_page: 200 })}`));
  const answers = await Promise.allSettled(asks);
  const byCode = new Map<string, ItemBrief>();
  for (const answer of answers) {
    if (answer.status !== 'fulfilled') continue;
    for (const item of answer.value.items) {
      if (item.status === 'draft' || item.status === 'cancelled') continue;
      byCode.set(item.code, item);
    }
  }
  return [...byCode.values()].sort((a, b) => compareSv(a.code, b.code));
}

// ---------------------------------------------------------------------------------------------
// Steps on a deviation: each form sends through the page, which keeps the revision.

export interface StepOutcome {
  ok: boolean;
  /** What went wrong outside the form's fields (a refusal, a conflict), or null. */
  failure: unknown;
  /** Errors at the form's fields, by the form's field id. */
  fieldErrors: FieldError[];
}

/** Sends a step: `path` under the deviation ("/comments"), its body, the words that say it was
 * done, and the form's field ids by the API's field names. */
export type RunStep = (path: string, body: unknown, done: string, fields?: Record<string, string>) => Promise<StepOutcome>;

/** A refused form's errors: a malformed request's (400) go to the fields `fields` names
 * (the form's control ids by the API's field names); anything else, or what names no field
 * of the form, is the failure shown above it. */
export function stepErrors(error: unknown, fields: Record<string, string>): StepOutcome {
  if (error instanceof ApiError && error.status === 400) {
    const found = errorsByName(error, fields);
    if (found.length > 0) return { ok: false, failure: null, fieldErrors: found };
  }
  return { ok: false, failure: error, fieldErrors: [] };
}

/** The people an action may be given to without searching: the chain that was told, the
 * reporter, the owners so far, and the unit's people the caller may see; by name. */
export function ownerCandidates(deviation: Deviation, extra: PersonRef[] = []): PersonRef[] {
  const byCode = new Map<string, PersonRef>();
  const add = (person: PersonRef) => {
    if (person.code && !byCode.has(person.code)) byCode.set(person.code, person);
  };
  for (const level of deviation.levels) for (const person of level.people) add(person);
  add({ code: deviation.reported_by, name: deviation.reported_by_name });
  for (const action of deviation.actions) add({ code: action.owner, name: action.owner_name });
  for (const person of extra) add(person);
  return [...byCode.values()].sort((a, b) => compareSv(a.name, b.name));
}
