// Indicators (nyckeltal): targets, how a value stands against its target, the figures a
// value carries, values in the Swedish way, and the periods an indicator page shows.
import { fetchAllPages, get, query, seg } from './api';
import type { Aggregation, Direction, FollowUpPlan, Indicator, IndicatorTarget, IndicatorValue, Occasion, OccasionSummary } from './api-types';
import { formatDate, formatNumber } from './format';
import { t } from './i18n.svelte';
import { isAtOrBelow, type Units } from './deviations';

export interface ItemRef {
  code: string;
  kind: string;
  title: string;
  recipient_name?: string;
  status: string;
  due?: string | null;
}

export interface IndicatorWithItems extends Indicator {
  items: ItemRef[];
}

export interface NewIndicatorValue {
  unit: string;
  period_end: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  weight?: number | null;
}

export interface RollUpValue {
  unit: string;
  unit_name: string;
  value: number | null;
  units_reported: number;
  missing: { unit: string; field: string }[];
}

export interface RollUpIndicator {
  code: string;
  name: string;
  unit_of_measure: string;
  direction: string;
  aggregation: Aggregation;
  values: RollUpValue[];
}

export interface OccasionIndicators {
  occasion: OccasionSummary;
  period_end: string;
  scope: string[] | null;
  indicators: RollUpIndicator[];
}

/** The target a value is measured against: the unit's own for the year, else the
 * organisation's; null when neither is set (as the API's IndicatorValue.target). No unit:
 * the organisation's. */
export function targetFor(indicator: Pick<Indicator, 'targets'>, year: number, unit = ''): IndicatorTarget | null {
  const ofYear = indicator.targets.filter((target) => target.year === year);
  return (unit ? ofYear.find((target) => target.unit === unit) : undefined) ?? ofYear.find((target) => target.unit === '') ?? null;
}

/** A figure a value of an indicator carries. */
export type ValueField = 'value' | 'numerator' | 'denominator' | 'weight';

/** The figures a value of this aggregation is given by, in the order a form asks for them: a
 * share by its numerator and denominator (the value follows from them), a weighted mean by
 * its value and weight, anything else by the value alone. Each is required. */
export function valueFields(aggregation: Aggregation | undefined): ValueField[] {
  if (aggregation === 'ratio_of_sums') return ['numerator', 'denominator'];
  if (aggregation === 'weighted_mean') return ['value', 'weight'];
  return ['value'];
}

/** What numerator / denominator comes to in the unit of measure, as the server computes it:
 * times 100 for %, 1000 for ‰; null without a positive denominator. */
export function ratioValue(numerator: number, denominator: number, unitOfMeasure: string | undefined): number | null {
  if (!(denominator > 0)) return null;
  const factor = unitOfMeasure === '%' ? 100 : unitOfMeasure === '‰' ? 1000 : 1;
  return (numerator / denominator) * factor;
}

export type Comparison = 'better' | 'met' | 'worse' | 'none';

/** How a value stands against its target, the indicator's direction deciding what is better. */
export function compareToTarget(
  value: number | null | undefined,
  target: number | null | undefined,
  direction: Direction | string,
): Comparison {
  if (value === null || value === undefined || target === null || target === undefined) return 'none';
  if (Number.isNaN(value) || Number.isNaN(target)) return 'none';
  // Values are computed (ratios, means): within a hair of the target counts as on it.
  if (Math.abs(value - target) <= Math.max(1e-9, Math.abs(target) * 1e-9)) return 'met';
  const higher = direction !== 'lower_is_better';
  return value > target === higher ? 'better' : 'worse';
}

/** Units of measure written after the figure; "antal" and "index" are the figure itself. */
const bare = new Set(['', 'antal', 'st', 'index']);

/** Decimals that make sense for the unit of measure. */
function decimalsFor(unit: string, value: number): number | undefined {
  const u = unit.toLowerCase();
  if (u === '%' || u === '‰') return 1;
  if (u === 'kr' || u === 'kwh' || u === 'mwh') return 0;
  if (Number.isInteger(value)) return 0;
  return Math.abs(value) >= 100 ? 0 : 1;
}

/** "9,1 %", "−361 000 kr", "27 dagar", "81,2". */
export function formatValue(value: number | null | undefined, unitOfMeasure: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const figure = formatNumber(value, decimalsFor(unitOfMeasure, value));
  return bare.has(unitOfMeasure.toLowerCase()) ? figure : `${figure}\u00a0${unitOfMeasure}`;
}

export function directionText(direction: string): string {
  return direction === 'lower_is_better' ? t('indicators.lowerIsBetter') : t('indicators.higherIsBetter');
}

export function aggregationText(aggregation: string): string {
  const key = `indicators.aggregation.${aggregation}`;
  const text = t(key);
  return text === key ? aggregation : text;
}

export function yearOf(date: string): number {
  return Number.parseInt(date.slice(0, 4), 10);
}

// ---------------------------------------------------------------------------------------------
// Fetching, with the period roll-ups kept for the session: a roll-up is the whole tree's
// figures for a period and several screens ask for the same ones.

const rollUps = new Map<string, Promise<OccasionIndicators>>();

export function loadRollUp(occasion: string, unit = ''): Promise<OccasionIndicators> {
  const key = `${occasion}|${unit}`;
  let found = rollUps.get(key);
  if (!found) {
    found = get<OccasionIndicators>(`/occasions/${seg(occasion)}/indicators${query({ unit })}`);
    rollUps.set(key, found);
    found.catch(() => rollUps.delete(key));
  }
  return found;
}

/** A value was recorded: the roll-ups that may include it are asked for again. */
export function forgetRollUps(): void {
  rollUps.clear();
}

export async function loadOccasions(): Promise<Occasion[]> {
  const plan = await get<FollowUpPlan>('/occasions');
  return [...plan.occasions].sort((a, b) => a.period_end.localeCompare(b.period_end) || a.code.localeCompare(b.code));
}

/** Every value of the indicator for one unit and year. */
export function loadUnitValues(code: string, unit: string, year: number | null): Promise<IndicatorValue[]> {
  return fetchAllPages<IndicatorValue>(`/indicators/${seg(code)}/values`, { unit, year });
}

// ---------------------------------------------------------------------------------------------
// The list: each indicator's newest figure for the whole organisation.

export interface Latest {
  value: number;
  period_end: string;
  occasion: string;
}

/** The newest rolled-up value of each indicator at `root`, from roll-ups newest first. */
export function latestAtRoot(rollUpsNewestFirst: OccasionIndicators[], root: string): Map<string, Latest> {
  const latest = new Map<string, Latest>();
  for (const rollUp of rollUpsNewestFirst) {
    for (const indicator of rollUp.indicators) {
      if (latest.has(indicator.code)) continue;
      const at = indicator.values.find((value) => value.unit === root);
      if (at && at.value !== null) {
        latest.set(indicator.code, { value: at.value, period_end: rollUp.period_end, occasion: rollUp.occasion.name });
      }
    }
  }
  return latest;
}

/** The roll-ups of the periods that have ended, newest first, asked for a few at a time until
 * every indicator has a figure (an annual indicator's is months back). */
export async function latestValues(codes: string[], occasions: OccasionSummary[], today: string, root: string): Promise<Map<string, Latest>> {
  const past = occasions.filter((o) => o.period_end <= today).reverse();
  const found: OccasionIndicators[] = [];
  for (let i = 0; i < past.length; i += 4) {
    found.push(...(await Promise.all(past.slice(i, i + 4).map((o) => loadRollUp(o.code)))));
    const latest = latestAtRoot(found, root);
    if (codes.every((code) => latest.has(code))) return latest;
  }
  return latestAtRoot(found, root);
}

// ---------------------------------------------------------------------------------------------
// One indicator over a year's periods, for one unit.

export interface PeriodRow {
  period_end: string;
  /** The follow-ups that end on this day. */
  occasions: string[];
  /** Rolled up over the unit and everything below it; undefined: no follow-up that day. */
  rolled: RollUpValue | undefined;
  /** What the unit itself reported. */
  own: IndicatorValue | undefined;
  target: number | null;
  /** The figure the row is judged by: the roll-up, else the unit's own. */
  value: number | null;
  comparison: Comparison;
}

export function periodRows(
  indicator: Indicator,
  unit: string,
  rollUpsOfYear: OccasionIndicators[],
  own: IndicatorValue[],
  today: string,
): PeriodRow[] {
  const byDay = new Map<string, PeriodRow>();
  const row = (day: string): PeriodRow => {
    let found = byDay.get(day);
    if (!found) {
      const target = targetFor(indicator, yearOf(day), unit);
      found = { period_end: day, occasions: [], rolled: undefined, own: undefined, target: target?.value ?? null, value: null, comparison: 'none' };
      byDay.set(day, found);
    }
    return found;
  };
  for (const rollUp of rollUpsOfYear) {
    const values = rollUp.indicators.find((i) => i.code === indicator.code)?.values ?? [];
    const at = values.find((v) => v.unit === unit);
    // A follow-up still ahead with nothing reported yet says nothing.
    if (!at && rollUp.period_end > today) continue;
    const r = row(rollUp.period_end);
    r.occasions.push(rollUp.occasion.name);
    if (at) r.rolled = at;
  }
  for (const value of own) row(value.period_end).own = value;
  const rows = [...byDay.values()].sort((a, b) => a.period_end.localeCompare(b.period_end));
  for (const r of rows) {
    r.value = r.rolled?.value ?? r.own?.value ?? null;
    r.comparison = compareToTarget(r.value, r.target, indicator.direction);
  }
  return rows;
}

/** The units right below `unit` that have a figure in the roll-up, in tree order. */
export function childFigures(units: Units, unit: string, rollUp: OccasionIndicators | undefined, code: string): RollUpValue[] {
  if (!rollUp) return [];
  const values = rollUp.indicators.find((i) => i.code === code)?.values ?? [];
  const byUnit = new Map(values.map((v) => [v.unit, v]));
  return units.list.filter((u) => u.parent === unit).flatMap((u) => (byUnit.has(u.code) ? [byUnit.get(u.code)!] : []));
}

/** "Period ending 2025-10-31": short labels for the chart's axis. */
export function periodLabel(day: string): string {
  return formatDate(day);
}

const comparisonKeys: Record<Comparison, string> = {
  better: 'indicators.compare.better',
  met: 'indicators.compare.met',
  worse: 'indicators.compare.worse',
  none: 'indicators.compare.none',
};

export function comparisonText(comparison: Comparison): string {
  return t(comparisonKeys[comparison]);
}

/** The chart's text alternative: what the line shows, from first to last, against the target. */
export function chartSummary(indicator: Indicator, unitName: string, rows: PeriodRow[]): string {
  const withValue = rows.filter((r) => r.value !== null);
  if (withValue.length === 0) return t('indicators.chart.summaryEmpty', { name: indicator.name, unit: unitName });
  const first = withValue[0];
  const last = withValue[withValue.length - 1];
  const uom = indicator.unit_of_measure;
  const parts = [
    withValue.length === 1
      ? t('indicators.chart.summaryOne', {
          name: indicator.name,
          unit: unitName,
          value: formatValue(last.value, uom),
          date: formatDate(last.period_end),
        })
      : t('indicators.chart.summaryMany', {
          name: indicator.name,
          unit: unitName,
          count: withValue.length,
          first: formatValue(first.value, uom),
          firstDate: formatDate(first.period_end),
          last: formatValue(last.value, uom),
          lastDate: formatDate(last.period_end),
        }),
  ];
  if (last.target !== null) {
    parts.push(
      t('indicators.chart.summaryTarget', {
        target: formatValue(last.target, uom),
        comparison: comparisonText(last.comparison).toLowerCase(),
      }),
    );
  }
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------
// Who may record a value for which unit (docs/permissions.md, record_indicator_value).

export interface MembershipLike {
  role: string;
  unit: string;
}

/** The units the caller may record values for: a controller any unit (and a body's secretary
 * their body), a head their unit and every unit below it; others none. */
export function recordableUnits(memberships: MembershipLike[], units: Units): string[] {
  if (memberships.some((m) => m.role === 'controller')) {
    return units.list.filter((u) => u.current).map((u) => u.code);
  }
  const heads = memberships.filter((m) => m.role === 'head').map((m) => m.unit);
  return units.list.filter((unit) => unit.current && heads.some((head) => isAtOrBelow(units, unit.code, head))).map((unit) => unit.code);
}
