import { describe, expect, it } from 'vitest';
import { flattenUnits } from './deviations';
import {
  chartSummary,
  childFigures,
  compareToTarget,
  formatValue,
  latestAtRoot,
  periodRows,
  ratioValue,
  recordableUnits,
  targetFor,
  valueFields,
  type OccasionIndicators,
} from './indicators';
import type { Indicator, IndicatorValue, UnitNode } from './api-types';

// Intl writes no-break spaces and a real minus sign; compare with plain ones.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

const sickLeave: Indicator = {
  code: 'SJUKFRANVARO',
  name: 'Sjukfrånvaro',
  description: '',
  unit_of_measure: '%',
  direction: 'lower_is_better',
  aggregation: 'ratio_of_sums',
  targets: [
    { year: 2025, unit: '', value: 6.5 },
    { year: 2025, unit: 'LAR-E01', value: 5 },
    { year: 2026, unit: '', value: 6 },
  ],
};

function rollUp(code: string, name: string, periodEnd: string, values: [string, number | null][]): OccasionIndicators {
  return {
    occasion: { code, name, kind: 'monthly', level: 'executive_board', body: 'KS', body_name: 'Kommunstyrelsen', period_end: periodEnd, meeting: periodEnd, status: 'open' },
    period_end: periodEnd,
    scope: null,
    indicators: [
      {
        code: 'SJUKFRANVARO',
        name: 'Sjukfrånvaro',
        unit_of_measure: '%',
        direction: 'lower_is_better',
        aggregation: 'ratio_of_sums',
        values: values.map(([unit, value]) => ({ unit, unit_name: unit, value, units_reported: 3, missing: [] })),
      },
    ],
  };
}

function own(periodEnd: string, value: number): IndicatorValue {
  return { indicator: 'SJUKFRANVARO', unit: 'LAR-E01', unit_name: 'Aspenässkolan', period_end: periodEnd, value, numerator: null, denominator: null, weight: null, target: null };
}

const tree: { as_of: string; root: UnitNode } = {
  as_of: '2025-11-30',
  root: {
    code: 'KD', name: 'Kommundirektörens kontor', kind: 'chief_executive_office', parent: '', valid_from: '2000-01-01', valid_to: null, heads: [],
    children: [
      {
        code: 'SEK-LAR', name: 'Lärande', kind: 'sector', parent: 'KD', valid_from: '2000-01-01', valid_to: null, heads: [],
        children: [
          { code: 'LAR-E01', name: 'Aspenässkolan', kind: 'unit', parent: 'SEK-LAR', valid_from: '2000-01-01', valid_to: null, heads: [], children: [] },
          { code: 'LAR-E02', name: 'Öxeredsskolan', kind: 'unit', parent: 'SEK-LAR', valid_from: '2000-01-01', valid_to: null, heads: [], children: [] },
        ],
      },
      { code: 'SEK-VOO', name: 'Vård och omsorg', kind: 'sector', parent: 'KD', valid_from: '2000-01-01', valid_to: null, heads: [], children: [] },
    ],
  },
};
const units = flattenUnits(tree);

describe('targets', () => {
  it('measures a unit against its own target, else the organisation’s', () => {
    expect(targetFor(sickLeave, 2025, 'LAR-E01')?.value).toBe(5);
    expect(targetFor(sickLeave, 2025, 'LAR-E02')?.value).toBe(6.5);
    expect(targetFor(sickLeave, 2025)?.value).toBe(6.5);
    expect(targetFor(sickLeave, 2024)).toBeNull();
  });

  it('gives the same target to the chain’s items and to a report-back’s values', () => {
    const energy: Indicator = { ...sickLeave, code: 'ENERGI', name: 'Energi', unit_of_measure: 'kWh', aggregation: 'sum' };
    energy.targets = [
      { year: 2025, unit: '', value: 100 },
      { year: 2025, unit: 'LAR-E01', value: 80 },
    ];
    expect(targetFor(energy, 2025, 'LAR-E01')?.value).toBe(80);
    expect(targetFor(energy, 2025, 'LAR-E02')?.value).toBe(100);
    expect(targetFor(energy, 2026, 'LAR-E01')).toBeNull();
    expect(targetFor(energy, 2026, 'LAR-E02')).toBeNull();
  });

  it('lets the direction decide what is better', () => {
    expect(compareToTarget(5.2, 6.5, 'lower_is_better')).toBe('better');
    expect(compareToTarget(7.1, 6.5, 'lower_is_better')).toBe('worse');
    expect(compareToTarget(91, 88, 'higher_is_better')).toBe('better');
    expect(compareToTarget(80, 88, 'higher_is_better')).toBe('worse');
    expect(compareToTarget(88.0000000001, 88, 'higher_is_better')).toBe('met');
    expect(compareToTarget(null, 88, 'higher_is_better')).toBe('none');
    expect(compareToTarget(80, null, 'higher_is_better')).toBe('none');
  });
});

describe('values the Swedish way', () => {
  it('writes each unit of measure as a reader expects', () => {
    expect(plain(formatValue(9.084967, '%'))).toBe('9,1 %');
    expect(plain(formatValue(-361000, 'kr'))).toBe('-361 000 kr');
    expect(plain(formatValue(31841000, 'kWh'))).toBe('31 841 000 kWh');
    expect(plain(formatValue(27, 'dagar'))).toBe('27 dagar');
    expect(plain(formatValue(81.2, 'index'))).toBe('81,2');
    expect(plain(formatValue(41, 'antal'))).toBe('41');
    expect(formatValue(null, '%')).toBe('–');
  });
});

describe('one indicator over a year', () => {
  const rollUps = [
    rollUp('2025-KS-09', 'Månadsuppföljning september 2025', '2025-09-30', [['LAR-E01', 6.1], ['SEK-LAR', 5.8]]),
    rollUp('2025-KS-10', 'Månadsuppföljning oktober 2025', '2025-10-31', [['LAR-E01', 4.9], ['SEK-LAR', 5.1], ['LAR-E02', 5.3]]),
    rollUp('2025-KS-12', 'Månadsuppföljning december 2025', '2025-12-31', []),
  ];

  it('puts the roll-up and the unit’s own values side by side per period', () => {
    const rows = periodRows(sickLeave, 'LAR-E01', rollUps, [own('2025-07-31', 6.6), own('2025-10-31', 4.9)], '2025-11-30');
    expect(rows.map((row) => row.period_end)).toEqual(['2025-07-31', '2025-09-30', '2025-10-31']);
    // July had no follow-up: the unit's own value is the figure, against its own target.
    expect(rows[0]).toMatchObject({ rolled: undefined, value: 6.6, target: 5, comparison: 'worse' });
    expect(rows[2]).toMatchObject({ value: 4.9, comparison: 'better', occasions: ['Månadsuppföljning oktober 2025'] });
  });

  it('lists the units right below with a figure', () => {
    const figures = childFigures(units, 'SEK-LAR', rollUps[1], 'SJUKFRANVARO');
    expect(figures.map((figure) => figure.unit)).toEqual(['LAR-E01', 'LAR-E02']);
    expect(childFigures(units, 'SEK-VOO', rollUps[1], 'SJUKFRANVARO')).toEqual([]);
  });

  it('sums the chart up in words for those who cannot see it', () => {
    const rows = periodRows(sickLeave, 'SEK-LAR', rollUps, [], '2025-11-30');
    const text = plain(chartSummary(sickLeave, 'Lärande', rows));
    expect(text).toContain('Sjukfrånvaro för Lärande, 2 perioder: från 5,8 % (2025-09-30) till 5,1 % (2025-10-31).');
    expect(text).toContain('Målet är 6,5 %; det senaste värdet är bättre än målet.');
  });

  it('takes each indicator’s newest figure for the whole organisation', () => {
    const newestFirst = [rollUp('b', 'Oktober', '2025-10-31', [['KD', null]]), rollUp('a', 'September', '2025-09-30', [['KD', 6.2]])];
    expect(latestAtRoot(newestFirst, 'KD').get('SJUKFRANVARO')).toEqual({ value: 6.2, period_end: '2025-09-30', occasion: 'September' });
  });
});

describe('recording a value', () => {
  it('lets a controller record for any unit, a head for theirs and below, others for none', () => {
    expect(recordableUnits([{ role: 'controller', unit: 'KS' }], units)).toHaveLength(units.list.length);
    expect(recordableUnits([{ role: 'head', unit: 'SEK-LAR' }], units)).toEqual(['SEK-LAR', 'LAR-E01', 'LAR-E02']);
    expect(recordableUnits([{ role: 'employee', unit: 'LAR-E01' }], units)).toEqual([]);
    expect(recordableUnits([{ role: 'chair', unit: 'KD' }], units)).toEqual([]);
  });

  it('asks for the figures the aggregation needs, in the order a form shows them', () => {
    expect(valueFields('ratio_of_sums')).toEqual(['numerator', 'denominator']);
    expect(valueFields('weighted_mean')).toEqual(['value', 'weight']);
    expect(valueFields('sum')).toEqual(['value']);
    expect(valueFields('mean')).toEqual(['value']);
    expect(valueFields(undefined)).toEqual(['value']);
  });

  it('computes a ratio in the unit of measure, as the server does', () => {
    expect(ratioValue(139, 1530, '%')).toBeCloseTo(9.085, 3);
    expect(ratioValue(3, 4, '‰')).toBe(750);
    expect(ratioValue(1, 8, '‰')).toBe(125);
    expect(ratioValue(1, 0, '%')).toBeNull();
  });
});
