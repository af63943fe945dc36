// The API's shapes that more than one area of the UI reads, declared once. Each mirrors the
// schema of api/openapi.json it is named after (components.schemas.<Name>); an area's own
// shapes stay in its module. Enums that a form offers are given as lists too, in the API's
// order.

// ---------------------------------------------------------------------------------------
// Shared

/** Page: one page of a paged list (`total` counts every page's entries). */
export interface Page<T> {
  items: T[];
  page: number;
  per_page: number;
  total: number;
}

/** PersonRef: a person named in another record. */
export interface PersonRef {
  code: string;
  name: string;
}

// ---------------------------------------------------------------------------------------
// Units

/** UnitNode.kind (and Unit.kind): what a unit of the organisation is. */
export type UnitKind =
  | 'council'
  | 'drafting_committee'
  | 'executive_board'
  | 'committee'
  | 'company'
  | 'chief_executive_office'
  | 'sector'
  | 'unit'
  | 'workplace';

/** The kinds of unit that are political bodies (whose secretary is a controller). */
const POLITICAL_KINDS: ReadonlySet<string> = new Set<UnitKind>(['council', 'drafting_committee', 'executive_board', 'committee']);

export const isPoliticalBody = (kind: string | undefined): boolean => kind !== undefined && POLITICAL_KINDS.has(kind);

/** Membership.role (and Unit.memberships[].role). */
export type Role = 'chair' | 'member' | 'substitute' | 'head' | 'employee' | 'controller' | 'administrator';

/** UnitLeader: who answers for a unit on the day asked about (its head, or a body's chair). */
export interface UnitLeader {
  person: string;
  name: string;
  role: 'head' | 'chair';
}

/** UnitNode: a unit of GET /units with its heads and, nested, its children. */
export interface UnitNode {
  code: string;
  name: string;
  kind: UnitKind;
  /** Empty for the root, the council. */
  parent: string;
  valid_from: string;
  valid_to: string | null;
  heads: UnitLeader[];
  children: UnitNode[];
}

/** The answer of GET /units: the tree valid on `as_of` (the server's today unless asked). */
export interface UnitTree {
  as_of: string;
  root: UnitNode | null;
}

/** Unit.children[]: a unit directly below. */
export interface UnitChild {
  code: string;
  name: string;
  kind: UnitKind;
  valid_from: string;
  valid_to: string | null;
}

/** Unit.memberships[]: a member valid on the day asked about. */
export interface UnitMember {
  person: string;
  name: string;
  role: Role;
  valid_from: string;
  valid_to: string | null;
}

/** Unit: GET /units/{code}, one unit with its children and memberships on `as_of`. */
export interface UnitDetail {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string;
  parent_name: string | null;
  valid_from: string;
  valid_to: string | null;
  children: UnitChild[];
  as_of: string;
  memberships: UnitMember[];
  /** False when the caller may read only the unit's heads and chairs, not all its people. */
  all_members: boolean;
}

// ---------------------------------------------------------------------------------------
// Items

/** ItemSummary.kind. */
export type ItemKind = 'goal' | 'direction' | 'quality_requirement' | 'assignment' | 'activity';
/** ItemSummary.status. */
export type ItemStatus = 'draft' | 'issued' | 'acknowledged' | 'completed' | 'cancelled';

/** ItemSummary: an item in a list (GET /items, traces, a report-back's items). */
export interface ItemSummary {
  code: string;
  kind: ItemKind;
  title: string;
  issuer: string;
  issuer_name?: string;
  recipient: string;
  recipient_kind?: 'unit' | 'person';
  recipient_name?: string;
  origin?: string;
  status: ItemStatus;
  due?: string | null;
  issued_on?: string | null;
  acknowledged_on?: string | null;
  closed_on?: string | null;
}

// ---------------------------------------------------------------------------------------
// Indicators

/** Indicator.direction. */
export type Direction = 'higher_is_better' | 'lower_is_better';
/** Indicator.aggregation: how unit values roll up, and so which figures a value carries. */
export type Aggregation = 'sum' | 'mean' | 'weighted_mean' | 'ratio_of_sums';

/** IndicatorTarget. */
export interface IndicatorTarget {
  year: number;
  /** Empty: the whole organisation. */
  unit: string;
  value: number;
}

/** Indicator: GET /indicators' entries. */
export interface Indicator {
  code: string;
  name: string;
  description: string;
  unit_of_measure: string;
  direction: Direction;
  aggregation: Aggregation;
  targets: IndicatorTarget[];
}

/** IndicatorValue: a unit's value for a period (also a report-back's indicator_values). */
export interface IndicatorValue {
  indicator: string;
  unit: string;
  unit_name: string;
  period_end: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  weight: number | null;
  /** The unit's own target for the period's year, else the organisation's. */
  target: IndicatorTarget | null;
}

// ---------------------------------------------------------------------------------------
// Occasions (the follow-up plan)

/** OccasionSummary.kind. */
export type OccasionKind = 'monthly' | 'tertial' | 'interim_report' | 'annual_report';
/** OccasionSummary.level: the level whose meeting the occasion serves. */
export type OccasionLevel = 'council' | 'executive_board' | 'chief_executive' | 'committee' | 'sector' | 'unit';
/** OccasionSummary.status. */
export type OccasionStatus = 'open' | 'closed';
/** Occasion.topics[]. */
export type Topic = 'finances' | 'operations' | 'quality_goals' | 'staff' | 'internal_control';

/** LevelDeadline. */
export interface LevelDeadline {
  level: OccasionLevel;
  deadline: string;
}

/** OccasionSummary: an occasion named in another answer. */
export interface OccasionSummary {
  code: string;
  name: string;
  kind: OccasionKind;
  level: OccasionLevel;
  body: string;
  body_name: string;
  period_end: string;
  meeting: string;
  status: OccasionStatus;
}

/** Occasion: an occasion of the follow-up plan (D10). */
export interface Occasion extends OccasionSummary {
  year: number;
  topics: Topic[];
  deadlines: LevelDeadline[];
  revision: number;
}

/** FollowUpPlan: GET /occasions. */
export interface FollowUpPlan {
  year: number | null;
  occasions: Occasion[];
}

// ---------------------------------------------------------------------------------------
// Deviations and corrective actions

/** DeviationSummary.category. */
export type Category = 'finances' | 'operations' | 'quality' | 'work_environment' | 'unforeseen_event' | 'other';
/** DeviationSummary.state. */
export type DeviationState = 'open' | 'closed';

/** CorrectiveAction.status and DeviationAction.status: one scale for both kinds of action. */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'moved'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** DeviationSummary: a deviation in a list (the register, a report-back's deviations). */
export interface DeviationSummary {
  code: string;
  unit: string;
  unit_name: string;
  title: string;
  category: Category;
  gravity: number;
  state: DeviationState;
  confidential: boolean;
  occurred_on: string;
  reported_at: string;
  reported_by: string;
  reported_by_name: string;
  levels_told: number;
  levels_acknowledged: number;
  /** Told, neither acknowledged nor released, of an open deviation. */
  levels_waiting: number;
  /** The highest level told and not released: the unit code. */
  reached: string | null;
  reached_name: string | null;
  council_listed_at: string | null;
  council_meeting: string | null;
}
