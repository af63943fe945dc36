// The steering chain (D3) in the browser: the API shapes of items, traces, documents, units
// and audit entries the chain screens use, and the logic that is worth testing on its own:
// building the tree from `origin` links, filtering it without losing a match's context, what
// the issue form may offer (D1, D4) and how an item's history reads.

import { ApiError, get, query, seg } from './api';
import { isPoliticalBody, type IndicatorValue, type ItemKind, type ItemSummary, type UnitDetail } from './api-types';
import { compareSv, decimalText, formatDate, formatNumber, parseNumber, sortSv } from './format';
import { bodyPath, uniqueErrors, type FieldError } from './form-errors';

export type ItemAction = 'edit_what' | 'issue_item' | 'cancel_item' | 'acknowledge_item' | 'edit_how' | 'complete_item';

export interface IndicatorLink {
  indicator: string;
  year: number;
  target?: number | null;
}

export interface FollowUp {
  indicators?: IndicatorLink[];
  deliverable?: string;
  deliverable_due?: string | null;
  assessed_at?: string[];
}

export interface Item extends ItemSummary {
  document: string;
  recipient_unit: string;
  recipient_person: string;
  origin: string;
  origin_document: string;
  description: string;
  follow_up: FollowUp;
  plan: string;
  closing_note: string;
  revision: number;
  may: ItemAction[];
}

export interface NewItem {
  kind: ItemKind;
  issuer: string;
  recipient_unit?: string;
  recipient_person?: string;
  origin?: string;
  title: string;
  description?: string;
  due?: string | null;
  follow_up?: FollowUp;
}

/** An item of a trace up that the caller may not read: its code only. */
export interface HiddenLink {
  code: string;
  readable: false;
}

export interface TraceUp {
  direction: 'up';
  chain: (ItemSummary | HiddenLink)[];
  source: { code: string; kind: string; title: string } | null;
  broken: boolean;
}

export interface TraceTree extends ItemSummary {
  children: TraceTree[];
}

export interface TraceDown {
  direction: 'down';
  tree: TraceTree;
  hidden: number;
}

export interface DocumentDecision {
  case_number?: string;
  date?: string;
  minute_paragraph?: string;
}

export interface DocumentSummary {
  code: string;
  version: number;
  kind: string;
  title: string;
  deciding_body: string;
  deciding_body_name?: string;
  status: 'draft' | 'decided' | 'superseded';
  decision: DocumentDecision | null;
  valid_from: string;
  valid_to: string | null;
  year: number | null;
  term: number | null;
}

export interface DocumentVersion extends DocumentSummary {
  summary: string;
}

export interface DocumentVersions {
  code: string;
  versions: DocumentVersion[];
}

export interface AuditEntry {
  sequence: number;
  at: string;
  actor: string;
  action: string;
  record: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

// ---------------------------------------------------------------------------------------
// Reading

/** The If-Match value for a change based on `item` as read. */
export const revisionTag = (item: { revision: number }) => `"${item.revision}"`;

// ---------------------------------------------------------------------------------------
// The tree

export interface ChainNode {
  item: ItemSummary;
  children: ChainNode[];
  /** Everything below, at any depth. */
  descendants: number;
}

/** A top section of the chain: a steering document and the items that originate directly in
 * it (the vision first), items whose origin the caller cannot see, grouped by that origin,
 * and items with no origin at all (what D3 asks to be listed). */
export type ChainSection =
  | { kind: 'document'; document: string; nodes: ChainNode[] }
  | { kind: 'unknownOrigin'; origin: string; nodes: ChainNode[] }
  | { kind: 'noOrigin'; nodes: ChainNode[] };

/** Codes in the order people expect: BU25-M2 before BU25-M10, Å Ä Ö after Z. */
export const byCode = (a: { item: ItemSummary }, b: { item: ItemSummary }) => compareSv(a.item.code, b.item.code);

function sortNodes(nodes: ChainNode[]): ChainNode[] {
  nodes.sort(byCode);
  for (const node of nodes) sortNodes(node.children);
  return nodes;
}

function countDescendants(node: ChainNode): number {
  node.descendants = node.children.reduce((sum, child) => sum + 1 + countDescendants(child), 0);
  return node.descendants;
}

/**
 * The forest of `items` linked by `origin`, cut into sections. `originDocuments` names the
 * steering document each item without an origin item comes from (its `origin_document`),
 * for those known; `visionCodes` are the vision documents, whose section comes first.
 * An item whose origin is among `items` hangs under it; one whose origin is not (not
 * readable, or outside the year asked about) goes under that origin's own heading rather
 * than vanishing.
 */
export function buildChain(
  items: readonly ItemSummary[],
  originDocuments: ReadonlyMap<string, string>,
  visionCodes: ReadonlySet<string> = new Set(),
): ChainSection[] {
  const nodes = new Map<string, ChainNode>();
  for (const item of items) {
    if (!nodes.has(item.code)) nodes.set(item.code, { item, children: [], descendants: 0 });
  }
  const byDocument = new Map<string, ChainNode[]>();
  const byUnknownOrigin = new Map<string, ChainNode[]>();
  const noOrigin: ChainNode[] = [];
  for (const node of nodes.values()) {
    const origin = node.item.origin ?? '';
    const parent = origin && origin !== node.item.code ? nodes.get(origin) : undefined;
    if (parent) {
      parent.children.push(node);
    } else if (origin) {
      const group = byUnknownOrigin.get(origin) ?? [];
      group.push(node);
      byUnknownOrigin.set(origin, group);
    } else {
      const document = originDocuments.get(node.item.code);
      if (document) {
        const group = byDocument.get(document) ?? [];
        group.push(node);
        byDocument.set(document, group);
      } else {
        noOrigin.push(node);
      }
    }
  }
  // A cycle (A from B, B from A) has no root; the data is validated against it, but a tree
  // that silently drops items would hide the error, so such items are listed as unrooted.
  const reachable = new Set<string>();
  const mark = (node: ChainNode) => {
    if (reachable.has(node.item.code)) return;
    reachable.add(node.item.code);
    node.children.forEach(mark);
  };
  [...byDocument.values(), ...byUnknownOrigin.values(), noOrigin].flat().forEach(mark);
  for (const node of nodes.values()) {
    if (reachable.has(node.item.code)) continue;
    const parent = nodes.get(node.item.origin ?? '');
    if (parent) parent.children = parent.children.filter((child) => child !== node);
    noOrigin.push(node);
    mark(node);
  }

  const sections: ChainSection[] = [];
  const documents = [...byDocument.keys()].sort((a, b) => {
    const vision = Number(visionCodes.has(b)) - Number(visionCodes.has(a));
    return vision !== 0 ? vision : compareSv(a, b);
  });
  for (const document of documents) {
    sections.push({ kind: 'document', document, nodes: byDocument.get(document)! });
  }
  for (const origin of [...byUnknownOrigin.keys()].sort(compareSv)) {
    sections.push({ kind: 'unknownOrigin', origin, nodes: byUnknownOrigin.get(origin)! });
  }
  if (noOrigin.length > 0) sections.push({ kind: 'noOrigin', nodes: noOrigin });
  for (const section of sections) {
    sortNodes(section.nodes);
    section.nodes.forEach(countDescendants);
  }
  return sections;
}

/** The tree of a trace down as chain nodes, siblings by code. */
export function nodesOfTrace(tree: TraceTree): ChainNode[] {
  const convert = (branch: TraceTree): ChainNode => {
    const { children, ...item } = branch;
    return { item, children: children.map(convert), descendants: 0 };
  };
  const nodes = tree.children.map(convert);
  sortNodes(nodes);
  nodes.forEach(countDescendants);
  return nodes;
}

export interface ChainFilter {
  /** Words that must all occur in the code, title, kind, issuer or recipient. */
  text: string;
  /** Only items issued and not yet acknowledged. */
  notAcknowledged: boolean;
}

export const isFiltering = (filter: ChainFilter) => filter.text.trim() !== '' || filter.notAcknowledged;

function words(text: string): string[] {
  return text.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
}

export function matches(item: ItemSummary, filter: ChainFilter, kindName: (kind: string) => string = (k) => k): boolean {
  if (filter.notAcknowledged && item.status !== 'issued') return false;
  const wanted = words(filter.text);
  if (wanted.length === 0) return true;
  const haystack = [item.code, item.title, item.recipient_name ?? item.recipient, item.recipient, item.issuer_name ?? '', item.issuer, kindName(item.kind)]
    .join(' ')
    .toLocaleLowerCase('sv');
  return wanted.every((word) => haystack.includes(word));
}

export interface FilteredChain {
  sections: ChainSection[];
  /** Codes of the items that match (the others shown are their context: the chain above). */
  matched: Set<string>;
  /** Codes to open so that every match is in view. */
  open: Set<string>;
}

/** The sections cut down to the matching items and the chain above each, so a match is
 * never shown without where it comes from. A match's own children are kept only when they
 * match too. */
export function filterChain(
  sections: readonly ChainSection[],
  filter: ChainFilter,
  kindName?: (kind: string) => string,
): FilteredChain {
  const matched = new Set<string>();
  const open = new Set<string>();
  const prune = (nodes: readonly ChainNode[]): ChainNode[] => {
    const kept: ChainNode[] = [];
    for (const node of nodes) {
      const children = prune(node.children);
      const hit = matches(node.item, filter, kindName);
      if (hit) matched.add(node.item.code);
      if (children.length > 0) open.add(node.item.code);
      if (hit || children.length > 0) {
        const copy: ChainNode = { item: node.item, children, descendants: 0 };
        countDescendants(copy);
        kept.push(copy);
      }
    }
    return kept;
  };
  const out: ChainSection[] = [];
  for (const section of sections) {
    const nodes = prune(section.nodes);
    if (nodes.length > 0) out.push({ ...section, nodes });
  }
  return { sections: out, matched, open };
}

/** Codes of the items above each item `wanted` picks, so that opening them shows it. */
export function ancestorsOf(sections: readonly ChainSection[], wanted: (item: ItemSummary) => boolean): Set<string> {
  const open = new Set<string>();
  const walk = (node: ChainNode): boolean => {
    let below = false;
    for (const child of node.children) if (walk(child)) below = true;
    if (below) open.add(node.item.code);
    return below || wanted(node.item);
  };
  for (const section of sections) section.nodes.forEach(walk);
  return open;
}

/** Every code in the sections that has children: "open all". */
export function branchCodes(sections: readonly ChainSection[]): Set<string> {
  const codes = new Set<string>();
  const walk = (node: ChainNode) => {
    if (node.children.length === 0) return;
    codes.add(node.item.code);
    node.children.forEach(walk);
  };
  for (const section of sections) section.nodes.forEach(walk);
  return codes;
}

export function countItems(sections: readonly ChainSection[]): number {
  return sections.reduce((sum, section) => sum + section.nodes.reduce((n, node) => n + 1 + node.descendants, 0), 0);
}

// ---------------------------------------------------------------------------------------
// Years and documents

/** The years a user may pick: those the council's documents cover (a budget's year, a
 * mandate programme's four), and the current year, newest first. */
export function yearChoices(documents: readonly DocumentSummary[], currentYear: number): number[] {
  const years = new Set<number>([currentYear]);
  for (const document of documents) {
    if (document.year) years.add(document.year);
    if (document.term) for (let year = document.term; year < document.term + 4; year++) years.add(year);
  }
  return [...years].sort((a, b) => b - a);
}

/** Whether a document is in force at some time of `year`. */
export function coversYear(document: DocumentSummary, year: number): boolean {
  const from = Number(document.valid_from.slice(0, 4));
  const to = document.valid_to ? Number(document.valid_to.slice(0, 4)) : Infinity;
  return from <= year && year <= to;
}

/** The decided mandate programmes in force in `year`: their goals are the top of that year's
 * chain, although they are not "for" the year (their year is their term's last). */
export function mandateProgrammesFor(documents: readonly DocumentSummary[], year: number | null): DocumentSummary[] {
  return documents.filter(
    (document) =>
      document.kind === 'mandate_programme' && document.status === 'decided' && (year === null || coversYear(document, year)),
  );
}

/** The vision to show at the top: the decided one in force in `year`, else the newest decided. */
export function visionFor(documents: readonly DocumentSummary[], year: number | null): DocumentSummary | null {
  const visions = documents
    .filter((document) => document.kind === 'vision' && document.status === 'decided')
    .sort((a, b) => b.valid_from.localeCompare(a.valid_from));
  if (year !== null) {
    const inForce = visions.find((document) => coversYear(document, year));
    if (inForce) return inForce;
  }
  return visions[0] ?? null;
}

// ---------------------------------------------------------------------------------------
// Issuing from an item (D1-D4)

/** The kinds an issuer gives: political bodies set goals, directions and quality
 * requirements and give assignments; the administration gives assignments to units and
 * activities to people (as the municipality's own chain does). */
export function kindsFor(issuerKind: string): ItemKind[] {
  return isPoliticalBody(issuerKind)
    ? ['goal', 'direction', 'quality_requirement', 'assignment']
    : ['assignment', 'activity'];
}

/** The kind to start with for a recipient of that kind, among those offered. */
export function defaultKind(offered: readonly ItemKind[], recipientKind: 'unit' | 'person' | null): ItemKind {
  const wanted: ItemKind = recipientKind === 'person' ? 'activity' : 'assignment';
  return offered.includes(wanted) ? wanted : offered[0];
}

export interface RecipientChoice {
  code: string;
  name: string;
  kind: 'unit' | 'person';
  /** The unit's kind, or the member's roles. */
  detail: string[];
}

const validOn = (from: string, to: string | null, day: string) => from <= day && (to === null || day <= to);

/** Whom the recipient of an item may address when issuing from it (D1 and create_item):
 * the units directly below it that exist today, and its own members today, by name. */
export function recipientChoices(unit: UnitDetail, day: string = unit.as_of): { units: RecipientChoice[]; people: RecipientChoice[] } {
  const units = sortSv(
    unit.children
      .filter((child) => validOn(child.valid_from, child.valid_to, day))
      .map<RecipientChoice>((child) => ({ code: child.code, name: child.name, kind: 'unit', detail: [child.kind] })),
    (choice) => choice.name,
  );
  const people = new Map<string, RecipientChoice>();
  for (const membership of unit.memberships) {
    if (!validOn(membership.valid_from, membership.valid_to, day)) continue;
    const known = people.get(membership.person);
    if (known) {
      if (!known.detail.includes(membership.role)) known.detail.push(membership.role);
    } else {
      people.set(membership.person, { code: membership.person, name: membership.name, kind: 'person', detail: [membership.role] });
    }
  }
  return { units, people: sortSv([...people.values()], (choice) => choice.name) };
}

/** Whether the caller may issue from `item`: it is addressed to a unit the caller answers
 * for (the same right as acknowledging it: its head, or a body's secretary), and it can be
 * built on (D3: not a draft, not cancelled). */
export function mayIssueFrom(item: Item): boolean {
  const answers = item.may.includes('acknowledge_item') || item.may.includes('edit_how');
  return answers && item.recipient_kind !== 'person' && item.recipient_unit !== '' && item.status !== 'draft' && item.status !== 'cancelled';
}

export interface IssueForm {
  recipient: string;
  kind: ItemKind;
  title: string;
  description: string;
  due: string;
  /** Only when editing a draft: the item it is built on (D3). */
  origin: string;
  // D4: any of the three ways, at least one complete.
  useAssessment: boolean;
  assessedAt: string[];
  otherAssessment: string;
  useIndicator: boolean;
  indicator: string;
  indicatorYear: string;
  target: string;
  useDeliverable: boolean;
  deliverable: string;
  deliverableDue: string;
  /** Indicator links beyond the first, kept as they are (the form edits one). */
  extraIndicators: IndicatorLink[];
}

export type IssueField = keyof IssueForm | 'followUp';

/** The id of each field of the WHAT form, for labels, error links and aria-describedby. */
export const WHAT_FIELD_IDS: Record<IssueField, string> = {
  recipient: 'utf-mottagare',
  kind: 'utf-typ',
  title: 'utf-rubrik',
  description: 'utf-beskrivning',
  due: 'utf-slutdatum',
  origin: 'utf-ursprung',
  followUp: 'utf-satt-bedomning',
  useAssessment: 'utf-satt-bedomning',
  assessedAt: 'utf-tillfallen',
  otherAssessment: 'utf-andra-tillfallen',
  useIndicator: 'utf-satt-indikator',
  indicator: 'utf-indikator',
  indicatorYear: 'utf-indikatorar',
  target: 'utf-malvarde',
  useDeliverable: 'utf-satt-leverans',
  deliverable: 'utf-leverans',
  deliverableDue: 'utf-leveransdatum',
  extraIndicators: 'utf-satt-indikator',
};

export function emptyIssueForm(): IssueForm {
  return {
    recipient: '',
    kind: 'assignment',
    title: '',
    description: '',
    due: '',
    origin: '',
    useAssessment: false,
    assessedAt: [],
    otherAssessment: '',
    useIndicator: false,
    indicator: '',
    indicatorYear: '',
    target: '',
    useDeliverable: false,
    deliverable: '',
    deliverableDue: '',
    extraIndicators: [],
  };
}

/** The form filled from a follow-up: every part it has is ticked. */
export function followUpFields(followUp: FollowUp | undefined, year: string): Partial<IssueForm> {
  const links = followUp?.indicators ?? [];
  const [first, ...extra] = links;
  return {
    useAssessment: (followUp?.assessed_at?.length ?? 0) > 0,
    assessedAt: [...(followUp?.assessed_at ?? [])],
    otherAssessment: '',
    useIndicator: first !== undefined,
    indicator: first?.indicator ?? '',
    indicatorYear: first ? String(first.year) : year,
    target: decimalText(first?.target),
    useDeliverable: !!followUp?.deliverable,
    deliverable: followUp?.deliverable ?? '',
    deliverableDue: followUp?.deliverable_due ?? '',
    extraIndicators: extra,
  };
}

/** The form for editing an item's WHAT, as the item is now. */
export function formOfItem(item: Item, year: string): IssueForm {
  return {
    ...emptyIssueForm(),
    recipient: item.recipient,
    kind: item.kind,
    title: item.title,
    description: item.description,
    due: item.due ?? '',
    origin: item.origin,
    ...followUpFields(item.follow_up, year),
  };
}

/** A form field and the catalogue key of what is wrong with it. */
export interface FormProblem {
  field: IssueField;
  key: string;
}

/** The named follow-ups the form adds up to: the ticked ones and those written in, one a line. */
export function assessmentsOf(form: Pick<IssueForm, 'assessedAt' | 'otherAssessment'>): string[] {
  const names = [...form.assessedAt, ...form.otherAssessment.split('\n').map((line) => line.trim())].filter(Boolean);
  return [...new Set(names)];
}

/** What the form lacks before the server is asked: D1 (a recipient), a title, each ticked
 * way of following up complete, and D4 (at least one way that counts: named follow-ups, an
 * indicator with a target, or a deliverable with a due date). `forIssue` false checks what
 * a draft needs only. The server checks the same and has the last word. */
export function checkIssueForm(form: IssueForm, forIssue = true): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.recipient) problems.push({ field: 'recipient', key: 'chain.issue.error.recipient' });
  if (!form.title.trim()) problems.push({ field: 'title', key: 'chain.issue.error.title' });
  if (form.useAssessment && assessmentsOf(form).length === 0) {
    problems.push({ field: 'assessedAt', key: 'chain.issue.error.assessedAt' });
  }
  if (form.useIndicator) {
    if (!form.indicator) problems.push({ field: 'indicator', key: 'chain.issue.error.indicator' });
    if (!/^\d{4}$/.test(form.indicatorYear.trim())) problems.push({ field: 'indicatorYear', key: 'chain.issue.error.indicatorYear' });
    if (form.target.trim() !== '' && parseNumber(form.target) === null) problems.push({ field: 'target', key: 'chain.issue.error.target' });
  }
  if (form.useDeliverable) {
    if (!form.deliverable.trim()) problems.push({ field: 'deliverable', key: 'chain.issue.error.deliverable' });
    if (!form.deliverableDue) problems.push({ field: 'deliverableDue', key: 'chain.issue.error.deliverableDue' });
  }
  if (forIssue && problems.length === 0) {
    const counts =
      (form.useAssessment && assessmentsOf(form).length > 0) ||
      (form.useIndicator && parseNumber(form.target) !== null) ||
      (form.useDeliverable && !!form.deliverable.trim() && !!form.deliverableDue) ||
      form.extraIndicators.some((link) => link.target !== null && link.target !== undefined);
    if (!counts) {
      const indicatorOnly = form.useIndicator && !form.useAssessment && !form.useDeliverable;
      problems.push(
        indicatorOnly
          ? { field: 'target', key: 'chain.issue.error.targetNeeded' }
          : { field: 'followUp', key: 'chain.issue.error.followUp' },
      );
    }
  }
  return problems;
}

/** The follow-up the form says: only the ticked parts are sent. */
export function followUpOf(form: IssueForm): FollowUp {
  const indicators: IndicatorLink[] = [];
  if (form.useIndicator && form.indicator) {
    indicators.push({ indicator: form.indicator, year: Number(form.indicatorYear.trim()), target: parseNumber(form.target) });
  }
  indicators.push(...form.extraIndicators);
  return {
    indicators,
    deliverable: form.useDeliverable ? form.deliverable.trim() : '',
    deliverable_due: form.useDeliverable ? form.deliverableDue || null : null,
    assessed_at: form.useAssessment ? assessmentsOf(form) : [],
  };
}

/** The draft the form describes, issued by the origin's recipient and built on the origin. */
export function newItemOf(form: IssueForm, origin: Item, recipientKind: 'unit' | 'person'): NewItem {
  return {
    kind: form.kind,
    issuer: origin.recipient_unit,
    ...(recipientKind === 'unit' ? { recipient_unit: form.recipient } : { recipient_person: form.recipient }),
    origin: origin.code,
    title: form.title.trim(),
    description: form.description.trim(),
    due: form.due || null,
    follow_up: followUpOf(form),
  };
}

export interface WhatChange {
  recipient_unit?: string;
  recipient_person?: string;
  origin?: string;
  title: string;
  description: string;
  due: string | null;
  follow_up: FollowUp;
}

/** The change the form makes to an item's WHAT. The recipient and the origin move only on a
 * draft; once issued, they are what the recipient took on. */
export function whatChangeOf(form: IssueForm, item: Pick<Item, 'status'>, recipientKind: 'unit' | 'person'): WhatChange {
  const change: WhatChange = {
    title: form.title.trim(),
    description: form.description.trim(),
    due: form.due || null,
    follow_up: followUpOf(form),
  };
  if (item.status === 'draft') {
    change.recipient_unit = recipientKind === 'unit' ? form.recipient : '';
    change.recipient_person = recipientKind === 'person' ? form.recipient : '';
    if (form.origin) change.origin = form.origin;
  }
  return change;
}

/** The path of an item's field in an error's `where`: the rules report in the frame of the
 * organisation's items ("items[371].follow_up", "$.title"). */
export const itemPath = (where: string | null | undefined) => bodyPath(where).replace(/^items\[\d+\]\./, '');

/** The form field an API error's `where` is about ("items[371].follow_up.deliverable_due",
 * "title", "recipient_unit"), or null for the form as a whole. */
export function issueFieldOf(where: string | null | undefined): IssueField | null {
  const path = itemPath(where);
  if (!path) return null;
  if (path === 'recipient_unit' || path === 'recipient_person' || path === 'recipient') return 'recipient';
  if (path === 'title' || path === 'description' || path === 'kind' || path === 'due' || path === 'origin') return path;
  if (path.startsWith('follow_up.indicators')) return path.endsWith('.year') ? 'indicatorYear' : path.endsWith('.target') ? 'target' : 'indicator';
  if (path === 'follow_up.deliverable') return 'deliverable';
  if (path === 'follow_up.deliverable_due') return 'deliverableDue';
  if (path.startsWith('follow_up')) return 'followUp';
  return null;
}

// ---------------------------------------------------------------------------------------
// Follow-up, indicators and history as read

export const latestValue = (values: readonly IndicatorValue[]): IndicatorValue | null =>
  values.reduce<IndicatorValue | null>((latest, value) => (!latest || value.period_end > latest.period_end ? value : latest), null);

export const hasFollowUp = (followUp: FollowUp | undefined) =>
  !!followUp &&
  ((followUp.indicators?.length ?? 0) > 0 || !!followUp.deliverable || (followUp.assessed_at?.length ?? 0) > 0);

/** The fields of an item an audit entry shows, in the order a reader expects them. */
export const AUDIT_FIELDS = [
  'status',
  'kind',
  'title',
  'description',
  'issuer',
  'recipient_unit',
  'recipient_person',
  'origin',
  'origin_document',
  'document',
  'due',
  'follow_up',
  'plan',
  'issued_on',
  'acknowledged_on',
  'closed_on',
  'closing_note',
] as const;

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What an entry changed, field by field; a creation or an import lists the fields it set
 * (those with a value). */
export function auditChanges(entry: AuditEntry): AuditChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const order = (field: string) => {
    const at = (AUDIT_FIELDS as readonly string[]).indexOf(field);
    return at === -1 ? AUDIT_FIELDS.length : at;
  };
  fields.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const created = entry.before === null;
  return fields
    .filter((field) => field !== 'code' && !same(before[field], after[field]))
    .filter((field) => !created || !isEmptyValue(after[field]))
    .map((field) => ({ field, before: created ? null : before[field], after: after[field] }));
}

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return !hasFollowUp(value as FollowUp) && Object.values(value).every(isEmptyValue);
  return false;
}

export interface FollowUpWords {
  indicator: (code: string, year: number, target: string | null) => string;
  deliverable: (what: string, due: string) => string;
  assessedAt: (names: string) => string;
  none: string;
}

/** A follow-up in one line, for the history. */
export function describeFollowUp(followUp: FollowUp, words: FollowUpWords): string {
  const parts: string[] = [];
  for (const link of followUp.indicators ?? []) {
    parts.push(words.indicator(link.indicator, link.year, link.target === null || link.target === undefined ? null : formatNumber(link.target)));
  }
  if (followUp.deliverable) parts.push(words.deliverable(followUp.deliverable, formatDate(followUp.deliverable_due)));
  if (followUp.assessed_at?.length) parts.push(words.assessedAt(followUp.assessed_at.join(', ')));
  return parts.length > 0 ? parts.join('; ') : words.none;
}

/** "P00017 (enhetschef)" as the code and the account, or null for another kind of actor. */
export function actorParts(actor: string): { person: string; account: string; rest: string } | null {
  const found = /^(P\w+) \(([^)]*)\)(.*)$/.exec(actor);
  return found ? { person: found[1], account: found[2], rest: found[3].trim() } : null;
}

/** GET /items/{code}/trace?direction=up, with the item first and the top last. */
export const traceUp = (code: string) => get<TraceUp>(`/items/${seg(code)}/trace${query({ direction: 'up' })}`);
export const traceDown = (code: string) => get<TraceDown>(`/items/${seg(code)}/trace${query({ direction: 'down' })}`);

/** An API error as problems at a form's fields: `fieldId` maps the API's `where` (a body
 * path) to the id of the field it is about, or null. The rule a 422 names (D2, D4, ...)
 * leads its message, so the user learns which rule was broken. */
export function problemsOf(
  error: ApiError,
  fieldId: (where: string) => string | null,
  general: (error: ApiError) => string,
): FieldError[] {
  const problems: FieldError[] = [];
  const strip = (message: string) => message.replace(/^item [^:]+: /, '');
  const own = bodyPath(error.field);
  for (const detail of error.details) {
    const where = bodyPath(detail.where);
    // The detail under a field of the error's own field repeats it in other words ("must
    // not be empty"): the error's message says more.
    if (own && where === own && !detail.rule) continue;
    problems.push({ field: fieldId(where) ?? '', message: `${detail.rule ? `${detail.rule}: ` : ''}${strip(detail.message)}` });
  }
  if (problems.length === 0 || (own && !error.details.some((detail) => bodyPath(detail.where) === own && detail.rule))) {
    if (error.status === 400 || error.status === 422) problems.push({ field: own ? (fieldId(own) ?? '') : '', message: strip(error.message) });
    else problems.push({ field: '', message: general(error) });
  }
  return uniqueErrors(problems);
}
