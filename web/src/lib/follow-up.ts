// The follow-up cycle as the UI sees it (D10, D12, D13, L13): the API's shapes for overviews,
// report-backs and the calendar, and the logic the follow-up and calendar screens share: the
// signed-in person's own deadlines, the overview's tree, the report-back form and where the
// API's errors belong in it.
import { ApiError, fetchAllPages, get, seg } from './api';
import {
  isPoliticalBody,
  type ActionStatus,
  type DeviationSummary,
  type Indicator,
  type IndicatorValue,
  type ItemSummary,
  type OccasionKind,
  type OccasionLevel,
  type OccasionStatus,
  type OccasionSummary,
  type PersonRef,
  type Topic,
  type UnitNode,
} from './api-types';
import { compareSv, decimalText, parseNumber, sortSv } from './format';
import { apiProblems, type FieldError } from './form-errors';
import { ratioValue, valueFields } from './indicators';

export type ReportBackState = 'missing' | 'draft' | 'submitted' | 'returned' | 'approved';
export type VersionStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type Assessment = 'fulfilled' | 'partly_fulfilled' | 'not_fulfilled' | 'cannot_be_assessed';
export type Trend = 'better' | 'unchanged' | 'worse';
export type Step = 'save' | 'submit' | 'approve' | 'return';

export const ASSESSMENTS: Assessment[] = ['fulfilled', 'partly_fulfilled', 'not_fulfilled', 'cannot_be_assessed'];
/** The overview's columns: the scale, then what has no submitted assessment yet. */
export const ASSESSMENT_COLUMNS = [...ASSESSMENTS, 'unassessed'] as const;
export type AssessmentColumn = (typeof ASSESSMENT_COLUMNS)[number];
export const TRENDS: Trend[] = ['better', 'unchanged', 'worse'];
/** Report-backs that still wait for their writer. */
export const TO_WRITE: ReportBackState[] = ['missing', 'draft', 'returned'];

export interface Recipient {
  kind: 'unit' | 'person';
  code: string;
  name: string;
}

export interface StateCounts {
  missing: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  late: number;
  total: number;
}

export interface AssessmentCounts {
  fulfilled: number;
  partly_fulfilled: number;
  not_fulfilled: number;
  cannot_be_assessed: number;
  unassessed: number;
  total: number;
}

export interface RecipientToChase {
  recipient: Recipient;
  unit: string;
  deadline: string | null;
  state: ReportBackState;
  late: boolean;
  submitted_on: string | null;
  writers: PersonRef[];
}

export interface RecipientOverview extends RecipientToChase {
  unit_name?: string;
  level: OccasionLevel;
  newest_version: number;
  items: number;
  assessments: AssessmentCounts;
}

export interface OverviewUnit {
  unit: string;
  name: string;
  parent: string;
  in_scope: boolean;
  report_backs: StateCounts;
  assessments: AssessmentCounts;
}

/** A column of the overview's matrix: an item in scope whose origin is not, i.e. where the
 * steering chain enters the occasion (the vision's goals, the board's assignments). */
export interface MatrixColumn {
  code: string;
  title: string;
  kind: string;
  recipient: string;
}

/** One of a recipient's own items under a column, as its report-back assessed it. */
export interface MatrixEntry {
  item: string;
  assessment: Assessment | null;
}

export interface MatrixLine {
  /** The recipient's code, as in `recipients[].recipient.code`. */
  recipient: string;
  /** The report-back version the assessments come from; null when none is submitted. */
  version: number | null;
  /** False when the caller may not read that version (its assessments are then null). */
  readable: boolean;
  /** By column code; no entry: none of the recipient's items descends from that column. */
  cells: Record<string, MatrixEntry[]>;
}

export interface OverviewMatrix {
  columns: MatrixColumn[];
  rows: MatrixLine[];
}

export interface OccasionOverview {
  occasion: OccasionSummary;
  today: string;
  scope: string[] | null;
  report_backs: StateCounts;
  assessments: AssessmentCounts;
  missing: RecipientToChase[];
  late: RecipientToChase[];
  recipients: RecipientOverview[];
  units: OverviewUnit[];
  matrix: OverviewMatrix;
}

export interface ReportBackRow {
  recipient: Recipient;
  unit: string;
  level: OccasionLevel;
  deadline: string | null;
  state: ReportBackState;
  late: boolean;
  submitted_on: string | null;
  newest_version: number;
  readable_version: number | null;
  items: number;
  approving_unit: string | null;
  writers: PersonRef[];
}

export interface CorrectiveAction {
  description: string;
  owner: string;
  owner_name?: string;
  due: string;
  status: ActionStatus;
}

export interface ItemAssessment {
  item?: string;
  assessment?: Assessment | null;
  trend?: Trend | null;
  analysis?: string;
  actions?: CorrectiveAction[];
}

export interface DerivedStatus {
  fulfilled: number;
  partly_fulfilled: number;
  not_fulfilled: number;
  cannot_be_assessed: number;
  not_assessed: number;
  items: number;
  worst: 'fulfilled' | 'partly_fulfilled' | 'not_fulfilled' | null;
}

export interface AssessmentBelow {
  item: string;
  kind: string;
  title: string;
  depth: number;
  recipient: string;
  recipient_name: string;
  assessed: boolean;
  assessment: Assessment | null;
  trend: Trend | null;
  occasion: string | null;
  assessed_by: PersonRef | null;
  assessed_at: string | null;
}

export interface ReportBackItem {
  item: ItemSummary;
  in_scope: boolean;
  assessment: ItemAssessment | null;
  derived_status: DerivedStatus;
  below: AssessmentBelow[];
}

export interface ReportBackVersion {
  version: number;
  status: VersionStatus;
  written_by: PersonRef | null;
  updated_at: string | null;
  submitted_by: PersonRef | null;
  submitted_at: string | null;
  decided_by: PersonRef | null;
  decided_at: string | null;
  return_reason: string | null;
  revision: number;
}

export interface ReportBack {
  occasion: OccasionSummary;
  recipient: Recipient;
  in_scope: boolean;
  level: OccasionLevel | null;
  deadline: string | null;
  state: ReportBackState;
  late: boolean;
  submitted_on: string | null;
  newest_version: number;
  revision: number | null;
  approving_unit: { code: string; name: string } | null;
  writers: PersonRef[];
  versions: ReportBackVersion[];
  version: ReportBackVersion | null;
  items: ReportBackItem[];
  hidden_below: number;
  topics: { topic: Topic; text: string }[];
  indicator_values: IndicatorValue[];
  actions: Step[];
  deviations: DeviationSummary[];
}

export interface Reminders {
  occasion: string;
  people: number;
  recipients: {
    recipient: string;
    recipient_kind: 'unit' | 'person';
    name: string;
    state: 'missing' | 'draft' | 'returned';
    deadline: string | null;
    people: PersonRef[];
  }[];
}

export interface CalendarOccasion {
  code: string;
  name: string;
  kind: OccasionKind;
  level: string;
  body: string;
  body_name: string;
  period_end: string;
  meeting: string;
  status: OccasionStatus;
  deadlines: { level: string; deadline: string }[];
}

export interface CalendarData {
  year: number;
  adopted: boolean;
  occasions: CalendarOccasion[];
}

// ---------------------------------------------------------------------------------------
// The signed-in person's own deadlines: the API's iCalendar feed names exactly the
// report-backs the caller writes (a unit they head, a body they are secretary of, themselves).

export interface FeedDeadline {
  occasion: string;
  recipient: string;
  deadline: string;
  summary: string;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The events of the deadline feed (RFC 5545): which occasion, which recipient, which day.
 * The UID is "<organisation>-<occasion>-<recipient>@..."; codes hold hyphens, so the
 * occasion is recognised among the known codes (the longest that fits), and the description's
 * API path is the fallback. */
export function parseDeadlineFeed(text: string, organisation: string, occasionCodes: string[]): FeedDeadline[] {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n[ \t]/g, '').split('\n');
  const codes = [...occasionCodes].sort((a, b) => b.length - a.length);
  const out: FeedDeadline[] = [];
  let event: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') {
      event = {};
      continue;
    }
    if (line === 'END:VEVENT') {
      if (event) {
        const found = identify(event, organisation, codes);
        const start = (event.DTSTART ?? '').replace(/[^0-9]/g, '').slice(0, 8);
        if (found && start.length === 8) {
          out.push({
            ...found,
            deadline: `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6, 8)}`,
            summary: unescapeText(event.SUMMARY ?? ''),
          });
        }
      }
      event = null;
      continue;
    }
    if (!event) continue;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).split(';')[0].toUpperCase();
    event[name] = line.slice(colon + 1);
  }
  return out;
}

function identify(
  event: Record<string, string>,
  organisation: string,
  codes: string[],
): { occasion: string; recipient: string } | null {
  const uid = event.UID ?? '';
  const at = uid.lastIndexOf('@');
  let rest = at >= 0 ? uid.slice(0, at) : uid;
  if (organisation && rest.startsWith(`${organisation}-`)) {
    rest = rest.slice(organisation.length + 1);
    for (const code of codes) {
      if (rest.startsWith(`${code}-`) && rest.length > code.length + 1) {
        return { occasion: code, recipient: rest.slice(code.length + 1) };
      }
    }
  }
  const path = /\/occasions\/([^/\s]+)\/report-backs\/([^\s/?]+)/.exec(unescapeText(event.DESCRIPTION ?? ''));
  if (path) return { occasion: decodeURIComponent(path[1]), recipient: decodeURIComponent(path[2]) };
  return null;
}

/** Every row of an occasion's report-back list. */
export function allReportBacks(occasion: string, state?: ReportBackState): Promise<ReportBackRow[]> {
  return fetchAllPages<ReportBackRow>(`/occasions/${seg(occasion)}/report-backs`, { state });
}

export interface MyReportBack {
  occasion: { code: string; name: string };
  recipient: Recipient;
  deadline: string;
  state: ReportBackState | null;
  late: boolean;
  submitted_on: string | null;
}

/** The report-backs the person writes to the given occasions, with where each stands. */
export async function loadMyReportBacks(
  occasions: { code: string; name: string }[],
  organisation: string,
): Promise<MyReportBack[]> {
  if (occasions.length === 0) return [];
  const feed = await get<string>('/calendar/deadlines.ics');
  const byCode = new Map(occasions.map((o) => [o.code, o]));
  const mine = parseDeadlineFeed(
    typeof feed === 'string' ? feed : '',
    organisation,
    occasions.map((o) => o.code),
  ).filter((d) => byCode.has(d.occasion));
  const needed = [...new Set(mine.map((d) => d.occasion))];
  const lists = await Promise.all(
    needed.map((code) =>
      allReportBacks(code).then(
        (rows) => [code, rows] as const,
        () => [code, [] as ReportBackRow[]] as const,
      ),
    ),
  );
  const rowsOf = new Map(lists);
  return mine.map((d) => {
    const row = rowsOf.get(d.occasion)?.find((r) => r.recipient.code === d.recipient) ?? null;
    return {
      occasion: byCode.get(d.occasion)!,
      recipient: row?.recipient ?? { kind: 'unit', code: d.recipient, name: d.recipient },
      deadline: row?.deadline ?? d.deadline,
      state: row?.state ?? null,
      late: row?.late ?? false,
      submitted_on: row?.submitted_on ?? null,
    };
  });
}

/** Those still to write first (by deadline), then the rest, the newest deadline first. */
export function sortMine(list: MyReportBack[]): MyReportBack[] {
  const open = (r: MyReportBack) => r.state === null || TO_WRITE.includes(r.state);
  return [...list].sort((a, b) => {
    if (open(a) !== open(b)) return open(a) ? -1 : 1;
    const order = open(a) ? a.deadline.localeCompare(b.deadline) : b.deadline.localeCompare(a.deadline);
    return order !== 0 ? order : compareSv(a.recipient.name, b.recipient.name);
  });
}

/** The units whose report-backs the person decides: as the head of the parent unit, or as
 * the secretary (a controller's membership) of a political body. Only a guide for the list
 * of what waits: the report-back's own `actions` say what the caller may do. */
export function decidingUnits(
  memberships: { role: string; unit: string }[],
  isPolitical: (unit: string) => boolean,
): Set<string> {
  return new Set(
    memberships
      .filter((m) => m.role === 'head' || (m.role === 'controller' && isPolitical(m.unit)))
      .map((m) => m.unit),
  );
}

/** Every political body's code in a unit tree. */
export function politicalUnits(root: UnitNode | null): Set<string> {
  const out = new Set<string>();
  const walk = (node: UnitNode) => {
    if (isPoliticalBody(node.kind)) out.add(node.code);
    for (const child of node.children) walk(child);
  };
  if (root) walk(root);
  return out;
}

/** Whether the person may read occasion overviews at all: heads, politicians, controllers. */
export function readsOverviews(memberships: { role: string }[]): boolean {
  return memberships.some((m) => ['head', 'chair', 'member', 'substitute', 'controller'].includes(m.role));
}

// ---------------------------------------------------------------------------------------
// The overview's matrix: recipients in the unit tree, with what each has assessed.

export interface MatrixRow {
  key: string;
  depth: number;
  code: string;
  name: string;
  kind: 'unit' | 'person';
  /** The recipient's own report-back, when it reports to the occasion. */
  recipient: RecipientOverview | null;
  /** Counted over the unit's subtree (units only). */
  subtree: OverviewUnit | null;
  parent: string | null;
  children: number;
}

/** The tree of the overview in reading order: each unit, its own report-back, the people
 * counted under it, then its child units; siblings in Swedish alphabetical order. */
export function matrixRows(overview: Pick<OccasionOverview, 'units' | 'recipients'>): MatrixRow[] {
  const units = new Map(overview.units.map((u) => [u.unit, u]));
  const childUnits = new Map<string, OverviewUnit[]>();
  const roots: OverviewUnit[] = [];
  for (const unit of overview.units) {
    if (unit.parent && units.has(unit.parent)) {
      const list = childUnits.get(unit.parent) ?? [];
      list.push(unit);
      childUnits.set(unit.parent, list);
    } else {
      roots.push(unit);
    }
  }
  const own = new Map<string, RecipientOverview>();
  const people = new Map<string, RecipientOverview[]>();
  const orphans: RecipientOverview[] = [];
  for (const r of overview.recipients) {
    if (r.recipient.kind === 'unit' && units.has(r.recipient.code)) own.set(r.recipient.code, r);
    else if (units.has(r.unit)) people.set(r.unit, [...(people.get(r.unit) ?? []), r]);
    else orphans.push(r);
  }
  const rows: MatrixRow[] = [];
  const visit = (unit: OverviewUnit, depth: number, parent: string | null) => {
    const kids = sortSv(childUnits.get(unit.unit) ?? [], (u) => u.name);
    const persons = sortSv(people.get(unit.unit) ?? [], (r) => r.recipient.name);
    rows.push({
      key: `u:${unit.unit}`,
      depth,
      code: unit.unit,
      name: unit.name,
      kind: 'unit',
      recipient: own.get(unit.unit) ?? null,
      subtree: unit,
      parent,
      children: kids.length + persons.length,
    });
    for (const person of persons) {
      rows.push({
        key: `p:${person.recipient.code}`,
        depth: depth + 1,
        code: person.recipient.code,
        name: person.recipient.name,
        kind: 'person',
        recipient: person,
        subtree: null,
        parent: unit.unit,
        children: 0,
      });
    }
    for (const kid of kids) visit(kid, depth + 1, unit.unit);
  };
  for (const root of sortSv(roots, (u) => u.name)) visit(root, 0, null);
  for (const r of sortSv(orphans, (o) => o.recipient.name)) {
    rows.push({
      key: `${r.recipient.kind === 'unit' ? 'u' : 'p'}:${r.recipient.code}`,
      depth: 0,
      code: r.recipient.code,
      name: r.recipient.name,
      kind: r.recipient.kind,
      recipient: r,
      subtree: null,
      parent: null,
      children: 0,
    });
  }
  return rows;
}

/** The units to open at first: the roots, then whole levels while the table stays short. */
export function initiallyExpanded(rows: MatrixRow[], limit = 60): Set<string> {
  const open = new Set<string>();
  const maxDepth = rows.reduce((m, r) => Math.max(m, r.depth), 0);
  for (let depth = 0; depth <= maxDepth; depth++) {
    const candidates = rows.filter((r) => r.depth === depth && r.kind === 'unit' && r.children > 0);
    if (candidates.length === 0) continue;
    const next = new Set(open);
    for (const r of candidates) next.add(r.code);
    if (depth > 0 && visibleRows(rows, next).length > limit) break;
    for (const r of candidates) open.add(r.code);
  }
  return open;
}

/** The rows whose every ancestor is open. */
export function visibleRows(rows: MatrixRow[], open: Set<string>): MatrixRow[] {
  const shown = new Set<string>();
  const out: MatrixRow[] = [];
  for (const row of rows) {
    const visible = row.parent === null || (open.has(row.parent) && shown.has(row.parent));
    if (!visible) continue;
    if (row.kind === 'unit') shown.add(row.code);
    out.push(row);
  }
  return out;
}

/** The scale from worst to best, for picking what a cell with several items shows: a verdict
 * that calls for action first, then what has no verdict (explained, then not given), and
 * "fulfilled" only when everything is. */
export const SEVERITY: AssessmentColumn[] = ['not_fulfilled', 'partly_fulfilled', 'cannot_be_assessed', 'unassessed', 'fulfilled'];

/** The worst of some assessments (null: not assessed). */
export function worstOf(values: (Assessment | null)[]): AssessmentColumn {
  let worst = SEVERITY.length - 1;
  for (const value of values) worst = Math.min(worst, SEVERITY.indexOf(value ?? 'unassessed'));
  return SEVERITY[worst];
}

/** What one cell of the matrix shows. */
export type MatrixCell =
  /** None of the recipient's items descends from the column. */
  | { kind: 'none' }
  /** The caller may not read the version the assessments come from. */
  | { kind: 'hidden'; items: string[] }
  /** The worst first; `entries` in the API's order. */
  | { kind: 'assessed'; worst: AssessmentColumn; entries: { item: string; value: AssessmentColumn }[] };

/** The cell of a recipient's line (undefined: the API gave no line) under a column. */
export function matrixCell(line: MatrixLine | undefined, column: string): MatrixCell {
  const entries = line?.cells[column] ?? [];
  if (entries.length === 0) return { kind: 'none' };
  if (!line!.readable) return { kind: 'hidden', items: entries.map((e) => e.item) };
  return {
    kind: 'assessed',
    worst: worstOf(entries.map((e) => e.assessment)),
    entries: entries.map((e) => ({ item: e.item, value: e.assessment ?? 'unassessed' })),
  };
}

/** Counts over the items under one column: each on the scale, and those not readable. */
export type CellCounts = Record<AssessmentColumn | 'hidden' | 'total', number>;

export const emptyCounts = (): CellCounts => ({
  fulfilled: 0,
  partly_fulfilled: 0,
  not_fulfilled: 0,
  cannot_be_assessed: 0,
  unassessed: 0,
  hidden: 0,
  total: 0,
});

/** Per column, the items of the given lines counted on the scale (a column's totals over the
 * whole table, or over a unit's subtree when the unit does not report itself). */
export function columnCounts(lines: MatrixLine[], columns: MatrixColumn[]): Map<string, CellCounts> {
  const out = new Map(columns.map((c) => [c.code, emptyCounts()]));
  for (const line of lines) {
    for (const [column, entries] of Object.entries(line.cells)) {
      const counts = out.get(column);
      if (!counts) continue;
      for (const entry of entries) {
        counts[line.readable ? (entry.assessment ?? 'unassessed') : 'hidden'] += 1;
        counts.total += 1;
      }
    }
  }
  return out;
}

/** The recipients' lines by recipient code. */
export function matrixLines(matrix: OverviewMatrix | undefined): Map<string, MatrixLine> {
  return new Map((matrix?.rows ?? []).map((line) => [line.recipient, line]));
}

/** The recipients under a row of the tree (rows in reading order: a subtree follows its unit
 * until the depth falls back), the row's own excluded. */
export function recipientsBelow(rows: MatrixRow[], index: number): string[] {
  const out: string[] = [];
  const depth = rows[index].depth;
  for (let i = index + 1; i < rows.length && rows[i].depth > depth; i++) {
    const r = rows[i].recipient;
    if (r) out.push(r.recipient.code);
  }
  return out;
}

/** The share of `part` in `whole`, in whole percent; null when there is nothing to count. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

// ---------------------------------------------------------------------------------------
// The report-back form.

export interface ActionDraft {
  key: number;
  description: string;
  owner: string;
  owner_name: string;
  due: string;
  status: ActionStatus;
}

export interface AssessmentDraft {
  item: string;
  title: string;
  assessment: Assessment | '';
  trend: Trend | '';
  analysis: string;
  actions: ActionDraft[];
}

export interface TopicDraft {
  topic: Topic;
  text: string;
}

export interface ValueDraft {
  key: number;
  indicator: string;
  unit: string;
  unit_name: string;
  value: string;
  numerator: string;
  denominator: string;
  weight: string;
}

export interface Draft {
  assessments: AssessmentDraft[];
  topics: TopicDraft[];
  values: ValueDraft[];
}

let keys = 0;
export const nextKey = () => ++keys;

/** The form's starting point: what the shown version says, every item in scope and every
 * topic of the occasion in the API's order (error paths count in that order). */
export function draftFrom(report: ReportBack, extraIndicators: { indicator: string }[] = []): Draft {
  const assessments = report.items
    .filter((entry) => entry.in_scope)
    .map((entry): AssessmentDraft => {
      const a = entry.assessment;
      return {
        item: entry.item.code,
        title: entry.item.title,
        assessment: a?.assessment ?? '',
        trend: a?.trend ?? '',
        analysis: a?.analysis ?? '',
        actions: (a?.actions ?? []).map((action) => ({
          key: nextKey(),
          description: action.description,
          owner: action.owner,
          owner_name: action.owner_name ?? '',
          due: action.due ?? '',
          status: action.status,
        })),
      };
    });
  const topics = report.topics.map((t) => ({ topic: t.topic, text: t.text }));
  const values: ValueDraft[] = report.indicator_values.map((v) => ({
    key: nextKey(),
    indicator: v.indicator,
    unit: v.unit,
    unit_name: v.unit_name,
    value: decimalText(v.value),
    numerator: decimalText(v.numerator),
    denominator: decimalText(v.denominator),
    weight: decimalText(v.weight),
  }));
  if (report.recipient.kind === 'unit') {
    for (const extra of extraIndicators) {
      if (values.some((v) => v.indicator === extra.indicator && v.unit === report.recipient.code)) continue;
      values.push({
        key: nextKey(),
        indicator: extra.indicator,
        unit: report.recipient.code,
        unit_name: report.recipient.name,
        value: '',
        numerator: '',
        denominator: '',
        weight: '',
      });
    }
  }
  return { assessments, topics, values };
}

export function emptyAction(owner: { code: string; name: string } | null): ActionDraft {
  return { key: nextKey(), description: '', owner: owner?.code ?? '', owner_name: owner?.name ?? '', due: '', status: 'planned' };
}

/** Whether a value row holds anything to send. */
export function valueFilled(v: ValueDraft): boolean {
  return [v.value, v.numerator, v.denominator, v.weight].some((s) => s.trim() !== '');
}

/** The request body of PUT .../report-backs/{recipient}: every item and topic in the form's
 * order; empty value rows left out (`valueRows` maps the body's indicator_values back to the
 * form's rows). A share's value is sent computed from its numerator and denominator. */
export function contentOf(
  draft: Draft,
  periodEnd: string,
  indicators: Map<string, Indicator> = new Map(),
): { body: unknown; valueRows: number[] } {
  const valueRows: number[] = [];
  const indicatorValues: Record<string, unknown>[] = [];
  draft.values.forEach((v, i) => {
    if (!valueFilled(v)) return;
    valueRows.push(i);
    const indicator = indicators.get(v.indicator);
    const entry: Record<string, unknown> = { indicator: v.indicator, unit: v.unit, period_end: periodEnd };
    for (const field of valueFields(indicator?.aggregation)) {
      const n = parseNumber(v[field]);
      if (n !== null) entry[field] = n;
    }
    if (indicator?.aggregation === 'ratio_of_sums') {
      const numerator = entry.numerator as number | undefined;
      const denominator = entry.denominator as number | undefined;
      const value = numerator !== undefined && denominator !== undefined ? ratioValue(numerator, denominator, indicator.unit_of_measure) : null;
      if (value !== null) entry.value = value;
    }
    indicatorValues.push(entry);
  });
  return {
    body: {
      assessments: draft.assessments.map((a) => ({
        item: a.item,
        assessment: a.assessment || null,
        trend: a.trend || null,
        analysis: a.analysis,
        actions: a.actions.map((x) => ({ description: x.description, owner: x.owner, due: x.due, status: x.status })),
      })),
      topics: draft.topics.map((t) => ({ topic: t.topic, text: t.text })),
      indicator_values: indicatorValues,
    },
    valueRows,
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the API would refuse as malformed (400) even in a draft: checked before sending, so
 * that the message stands at its field. Messages are catalogue keys with parameters. */
export function malformed(
  draft: Draft,
  indicators: Map<string, Indicator> = new Map(),
): { path: string; key: string; params: Record<string, string | number> }[] {
  const out: { path: string; key: string; params: Record<string, string | number> }[] = [];
  draft.assessments.forEach((a, i) => {
    a.actions.forEach((x, j) => {
      if (!ISO_DATE.test(x.due) || Number.isNaN(Date.parse(x.due))) {
        out.push({ path: `assessments[${i}].actions[${j}].due`, key: 'followUp.error.actionDue', params: { item: a.title, n: j + 1 } });
      }
    });
  });
  draft.values.forEach((v, k) => {
    if (!valueFilled(v)) return;
    const indicator = indicators.get(v.indicator);
    const name = indicator?.name ?? v.indicator;
    const fields = valueFields(indicator?.aggregation);
    for (const field of fields) {
      const text = v[field].trim();
      if (text === '') {
        out.push({ path: `values[${k}].${field}`, key: `followUp.error.${field}Missing`, params: { indicator: name } });
      } else if (parseNumber(text) === null) {
        out.push({ path: `values[${k}].${field}`, key: 'followUp.error.number', params: { indicator: name } });
      } else if ((field === 'denominator' || field === 'weight') && (parseNumber(text) ?? 0) <= 0) {
        out.push({ path: `values[${k}].${field}`, key: 'followUp.error.positive', params: { indicator: name } });
      }
    }
  });
  return out;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The API's errors as problems at the form's fields (`field` is the form's path of the
 * field, "values[k].numerator"; fieldId gives its control), in the UI's words where the path
 * says what is wrong (L13's requirements), else the API's own message. Indicator value paths
 * are mapped from the body's order back to the form's rows ("values[k]"). */
export function problemsOf(
  error: ApiError,
  draft: Draft,
  valueRows: number[],
  topicName: (topic: Topic) => string,
  t: Translate,
  indicators: Map<string, Indicator> = new Map(),
): FieldError[] {
  return apiProblems(error).map((problem) =>
    problemAt(problem.where, problem.message, problem.rule ?? '', draft, valueRows, topicName, t, indicators),
  );
}

function problemAt(
  path: string,
  apiMessage: string,
  rule: string,
  draft: Draft,
  valueRows: number[],
  topicName: (topic: Topic) => string,
  t: Translate,
  indicators: Map<string, Indicator>,
): FieldError {
  let m = /^assessments\[(\d+)\]\.actions\[(\d+)\]\.(description|owner|due)$/.exec(path);
  if (m) {
    const a = draft.assessments[+m[1]];
    if (a) return { field: path, message: t(`followUp.error.action_${m[3]}`, { item: a.title, n: +m[2] + 1 }) };
  }
  m = /^assessments\[(\d+)\]\.(assessment|trend|analysis|actions)$/.exec(path);
  if (m && rule !== 'integrity') {
    const a = draft.assessments[+m[1]];
    if (a) return { field: path, message: t(`followUp.error.${m[2]}`, { item: a.title }) };
  }
  m = /^topics\[(\d+)\]\.text$/.exec(path);
  if (m) {
    const topic = draft.topics[+m[1]];
    if (topic) return { field: path, message: t('followUp.error.topic', { topic: topicName(topic.topic) }) };
  }
  m = /^indicator_values\[(\d+)\](\.(\w+))?$/.exec(path);
  if (m) {
    const row = valueRows[+m[1]];
    const v = row === undefined ? undefined : draft.values[row];
    if (v) {
      // The message stands at a field the row shows: a share's value is computed from its
      // numerator and denominator, so what concerns the value concerns them.
      const indicator = indicators.get(v.indicator);
      const shown = valueFields(indicator?.aggregation);
      const named = m[3];
      const field = shown.find((f) => f === named) ?? shown[0];
      return {
        field: `values[${row}].${field}`,
        message: t('followUp.error.indicator', { indicator: indicator?.name ?? v.indicator, message: apiMessage }),
      };
    }
  }
  if (path === 'reason') return { field: path, message: t('followUp.error.reason') };
  return { field: path, message: apiMessage };
}

/** The id of the control a path names, for the error summary's links and aria-describedby. */
export function fieldId(path: string): string {
  let m = /^assessments\[(\d+)\]\.actions\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) return `rb-a${m[1]}-x${m[2]}-${m[3]}`;
  m = /^assessments\[(\d+)\]\.(assessment|trend)$/.exec(path);
  if (m) return `rb-a${m[1]}-${m[2]}-${m[2] === 'assessment' ? 'fulfilled' : 'better'}`;
  m = /^assessments\[(\d+)\]\.analysis$/.exec(path);
  if (m) return `rb-a${m[1]}-analysis`;
  m = /^assessments\[(\d+)\]\.actions$/.exec(path);
  if (m) return `rb-a${m[1]}-add-action`;
  m = /^assessments\[(\d+)\]/.exec(path);
  if (m) return `rb-a${m[1]}-assessment-fulfilled`;
  m = /^topics\[(\d+)\]/.exec(path);
  if (m) return `rb-t${m[1]}`;
  m = /^values\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) return `rb-v${m[1]}-${m[2]}`;
  if (path === 'reason') return 'rb-return-reason';
  return '';
}

// ---------------------------------------------------------------------------------------
// The calendar: the year's events by month.

export type CalendarEventKind = 'deadline' | 'meeting' | 'mine';

export interface CalendarEvent {
  date: string;
  kind: CalendarEventKind;
  occasion: CalendarOccasion;
  level?: string;
  mine?: MyReportBack;
}

export interface CalendarMonth {
  month: number;
  key: string;
  events: CalendarEvent[];
}

/** The events of the year (and those of its occasions that fall early the next year, as the
 * annual report's do), grouped by month in date order; own deadlines first on their day. */
export function timeline(calendar: CalendarData, mine: MyReportBack[], onlyMine = false): CalendarMonth[] {
  const events: CalendarEvent[] = [];
  if (!onlyMine) {
    for (const occasion of calendar.occasions) {
      for (const d of occasion.deadlines) events.push({ date: d.deadline, kind: 'deadline', occasion, level: d.level });
      events.push({ date: occasion.meeting, kind: 'meeting', occasion });
    }
  }
  const byCode = new Map(calendar.occasions.map((o) => [o.code, o]));
  for (const m of mine) {
    const occasion = byCode.get(m.occasion.code);
    if (occasion) events.push({ date: m.deadline, kind: 'mine', occasion, mine: m });
  }
  const rank: Record<CalendarEventKind, number> = { mine: 0, deadline: 1, meeting: 2 };
  events.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      rank[a.kind] - rank[b.kind] ||
      compareSv(a.occasion.name, b.occasion.name) ||
      compareSv(a.mine?.recipient.name ?? '', b.mine?.recipient.name ?? ''),
  );
  const months = new Map<string, CalendarMonth>();
  for (const e of events) {
    const key = e.date.slice(0, 7);
    let month = months.get(key);
    if (!month) {
      month = { month: +e.date.slice(5, 7), key, events: [] };
      months.set(key, month);
    }
    month.events.push(e);
  }
  return [...months.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Whether an ApiError means "no plan for that year" rather than a failure. */
export function isNoPlan(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Every month of the year, those without events too, and any months outside the year that
 * hold events (an annual report is delivered the next spring). */
export function monthsOfYear(year: number, months: CalendarMonth[]): CalendarMonth[] {
  const byKey = new Map(months.map((m) => [m.key, m]));
  for (let month = 1; month <= 12; month++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (!byKey.has(key)) byKey.set(key, { month, key, events: [] });
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Where today's marker goes among a month's events: before the first on or after today. */
export function todayIndex(events: CalendarEvent[], today: string): number {
  const index = events.findIndex((e) => e.date >= today);
  return index < 0 ? events.length : index;
}
