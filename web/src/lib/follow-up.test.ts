import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { t } from './i18n.svelte';
import {
  columnCounts,
  contentOf,
  decidingUnits,
  draftFrom,
  fieldId,
  initiallyExpanded,
  malformed,
  matrixCell,
  matrixRows,
  monthsOfYear,
  parseDeadlineFeed,
  problemsOf,
  recipientsBelow,
  sortMine,
  timeline,
  todayIndex,
  visibleRows,
  worstOf,
  type AssessmentCounts,
  type CalendarData,
  type MatrixColumn,
  type MatrixLine,
  type MyReportBack,
  type OverviewUnit,
  type RecipientOverview,
  type ReportBack,
  type StateCounts,
} from './follow-up';
import type { Indicator } from './api-types';
import { annualReport2025 } from '../test-data';

const feed = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:1441-2025-KS-04-LAR-E01@styr',
  'DTSTART;VALUE=DATE:20250513',
  'SUMMARY:Sista dag: återrapportering till Tertialrapport april 2025\\, Grund',
  ' skola Aspenäs',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:1441-2025-AR-LAR-A001@styr',
  'DTSTART;VALUE=DATE:20260320',
  'SUMMARY:Sista dag',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:something-else@styr',
  'DTSTART;VALUE=DATE:20251008',
  'DESCRIPTION:Återrapporteringen för KS.\\n/api/v1/occasions/2025-DELAR/report-backs/K',
  ' S',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('the deadline feed', () => {
  it('names the occasion and recipient of each of my deadlines, codes with hyphens too', () => {
    const found = parseDeadlineFeed(feed, '1441', ['2025-KS-04', '2025-AR', '2025-DELAR', '2025-KS-1']);
    expect(found).toEqual([
      { occasion: '2025-KS-04', recipient: 'LAR-E01', deadline: '2025-05-13', summary: 'Sista dag: återrapportering till Tertialrapport april 2025, Grundskola Aspenäs' },
      { occasion: '2025-AR', recipient: 'LAR-A001', deadline: '2026-03-20', summary: 'Sista dag' },
      { occasion: '2025-DELAR', recipient: 'KS', deadline: '2025-10-08', summary: '' },
    ]);
  });

  it('skips events it cannot place', () => {
    expect(parseDeadlineFeed('BEGIN:VEVENT\nUID:x@y\nDTSTART:20250101\nEND:VEVENT', '1441', ['2025-AR'])).toEqual([]);
  });
});

const zeroStates: StateCounts = { missing: 0, draft: 0, submitted: 0, returned: 0, approved: 0, late: 0, total: 0 };
const counts = (fulfilled: number, partly = 0): AssessmentCounts => ({
  fulfilled,
  partly_fulfilled: partly,
  not_fulfilled: 0,
  cannot_be_assessed: 0,
  unassessed: 0,
  total: fulfilled + partly,
});
const unit = (code: string, name: string, parent: string, inScope = true): OverviewUnit => ({
  unit: code,
  name,
  parent,
  in_scope: inScope,
  report_backs: zeroStates,
  assessments: counts(1),
});
const recipient = (kind: 'unit' | 'person', code: string, name: string, under: string): RecipientOverview => ({
  recipient: { kind, code, name },
  unit: under,
  level: 'unit',
  deadline: '2025-09-23',
  state: 'approved',
  late: false,
  submitted_on: '2025-09-20',
  writers: [],
  newest_version: 1,
  items: 2,
  assessments: counts(1, 1),
});

describe('the overview matrix', () => {
  const overview = {
    units: [
      unit('SEK', 'Lärande', 'KD', false),
      unit('E3', 'Östra skolan', 'SEK'),
      unit('E1', 'Ängsskolan', 'SEK'),
      unit('E2', 'Björkskolan', 'SEK'),
      unit('A1', 'Arbetsplats Ö', 'E2'),
    ],
    recipients: [
      recipient('unit', 'E3', 'Östra skolan', 'E3'),
      recipient('unit', 'E1', 'Ängsskolan', 'E1'),
      recipient('unit', 'E2', 'Björkskolan', 'E2'),
      recipient('unit', 'A1', 'Arbetsplats Ö', 'A1'),
      recipient('person', 'P9', 'Åsa Berg', 'E2'),
    ],
  };

  it('follows the unit tree in Swedish order, people under the unit that issued their items', () => {
    const rows = matrixRows(overview);
    expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.name}`)).toEqual([
      'Lärande',
      '  Björkskolan',
      '    Åsa Berg',
      '    Arbetsplats Ö',
      '  Ängsskolan',
      '  Östra skolan',
    ]);
    expect(rows[0].recipient).toBeNull();
    expect(rows[0].subtree?.unit).toBe('SEK');
    expect(rows[1].children).toBe(2);
    expect(rows[2].kind).toBe('person');
  });

  it('opens whole levels while the table stays short, and hides what is under a closed unit', () => {
    const rows = matrixRows(overview);
    expect([...initiallyExpanded(rows, 60)].sort()).toEqual(['E2', 'SEK']);
    expect([...initiallyExpanded(rows, 4)]).toEqual(['SEK']);
    expect(visibleRows(rows, new Set(['SEK'])).map((r) => r.code)).toEqual(['SEK', 'E2', 'E1', 'E3']);
    expect(visibleRows(rows, new Set(['E2'])).map((r) => r.code)).toEqual(['SEK']);
  });
});

describe('the cells of the units x items matrix', () => {
  const columns: MatrixColumn[] = [
    { code: 'VOM-M01', title: 'Alla barn och elever ska nå kunskapsmålen', kind: 'goal', recipient: 'KS' },
    { code: 'VOM-M03', title: 'Kommunen ska minska sin klimatpåverkan', kind: 'goal', recipient: 'KS' },
    { code: 'VOM-M07', title: 'Kommunens ekonomi ska vara långsiktigt hållbar', kind: 'goal', recipient: 'KS' },
  ];
  const e01: MatrixLine = {
    recipient: 'E1',
    version: 2,
    readable: true,
    cells: {
      'VOM-M01': [
        { item: 'E1-U01', assessment: 'fulfilled' },
        { item: 'E1-U02', assessment: 'not_fulfilled' },
        { item: 'E1-U03', assessment: 'partly_fulfilled' },
      ],
      'VOM-M03': [{ item: 'E1-U04', assessment: null }],
    },
  };
  const hidden: MatrixLine = {
    recipient: 'P9',
    version: 1,
    readable: false,
    cells: { 'VOM-M01': [{ item: 'E2-U01', assessment: null }, { item: 'E2-U02', assessment: null }] },
  };

  it('shows the worst of several items, and keeps every item with its own verdict', () => {
    const cell = matrixCell(e01, 'VOM-M01');
    expect(cell).toEqual({
      kind: 'assessed',
      worst: 'not_fulfilled',
      entries: [
        { item: 'E1-U01', value: 'fulfilled' },
        { item: 'E1-U02', value: 'not_fulfilled' },
        { item: 'E1-U03', value: 'partly_fulfilled' },
      ],
    });
  });

  it('ranks no verdict below any call for action, and above fulfilled', () => {
    expect(worstOf(['fulfilled', 'partly_fulfilled'])).toBe('partly_fulfilled');
    expect(worstOf(['cannot_be_assessed', 'not_fulfilled'])).toBe('not_fulfilled');
    expect(worstOf(['fulfilled', null])).toBe('unassessed');
    expect(worstOf([null, 'cannot_be_assessed'])).toBe('cannot_be_assessed');
    expect(worstOf(['fulfilled', 'fulfilled'])).toBe('fulfilled');
  });

  it('says "not assessed" for a null, "hidden" for what the caller may not read, and nothing-here for no item', () => {
    expect(matrixCell(e01, 'VOM-M03')).toEqual({ kind: 'assessed', worst: 'unassessed', entries: [{ item: 'E1-U04', value: 'unassessed' }] });
    expect(matrixCell(hidden, 'VOM-M01')).toEqual({ kind: 'hidden', items: ['E2-U01', 'E2-U02'] });
    expect(matrixCell(e01, 'VOM-M07')).toEqual({ kind: 'none' });
    expect(matrixCell(undefined, 'VOM-M01')).toEqual({ kind: 'none' });
    expect(matrixCell(hidden, 'VOM-M03')).toEqual({ kind: 'none' });
  });

  it('counts each column over the rows, what may not be read apart', () => {
    const totals = columnCounts([e01, hidden], columns);
    expect(totals.get('VOM-M01')).toEqual({
      fulfilled: 1,
      partly_fulfilled: 1,
      not_fulfilled: 1,
      cannot_be_assessed: 0,
      unassessed: 0,
      hidden: 2,
      total: 5,
    });
    expect(totals.get('VOM-M03')?.unassessed).toBe(1);
    expect(totals.get('VOM-M07')?.total).toBe(0);
  });

  it('finds the recipients under a unit that does not report itself', () => {
    const rows = matrixRows({
      units: [unit('SEK', 'Lärande', 'KD', false), unit('E1', 'Ängsskolan', 'SEK'), unit('E2', 'Björkskolan', 'SEK')],
      recipients: [recipient('unit', 'E1', 'Ängsskolan', 'E1'), recipient('person', 'P9', 'Åsa Berg', 'E2')],
    });
    expect(rows.map((r) => r.code)).toEqual(['SEK', 'E2', 'P9', 'E1']);
    expect(recipientsBelow(rows, 0)).toEqual(['P9', 'E1']);
    expect(recipientsBelow(rows, 1)).toEqual(['P9']);
    expect(recipientsBelow(rows, 3)).toEqual([]);
  });
});

const report: ReportBack = {
  occasion: annualReport2025,
  recipient: { kind: 'unit', code: 'LAR-E01', name: 'Grundskola Aspenäs' },
  in_scope: true,
  level: 'unit',
  deadline: '2026-03-20',
  state: 'draft',
  late: false,
  submitted_on: null,
  newest_version: 1,
  revision: 3,
  approving_unit: { code: 'SEK-LAR', name: 'Lärande' },
  writers: [{ code: 'P13', name: 'Viktor Åberg' }],
  versions: [],
  version: null,
  items: [
    {
      item: { code: 'U1', kind: 'assignment', title: 'Stärk läsförmågan', issuer: 'SEK-LAR', recipient: 'LAR-E01', status: 'acknowledged' },
      in_scope: true,
      assessment: {
        assessment: 'partly_fulfilled',
        trend: 'worse',
        analysis: 'För få lärare.',
        actions: [{ description: 'Rekrytera', owner: 'P13', owner_name: 'Viktor Åberg', due: '2026-02-01', status: 'planned' }],
      },
      derived_status: { fulfilled: 0, partly_fulfilled: 0, not_fulfilled: 0, cannot_be_assessed: 0, not_assessed: 0, items: 0, worst: null },
      below: [],
    },
    {
      item: { code: 'U2', kind: 'assignment', title: 'Håll budgeten', issuer: 'SEK-LAR', recipient: 'LAR-E01', status: 'acknowledged' },
      in_scope: true,
      assessment: null,
      derived_status: { fulfilled: 0, partly_fulfilled: 0, not_fulfilled: 0, cannot_be_assessed: 0, not_assessed: 0, items: 0, worst: null },
      below: [],
    },
    {
      item: { code: 'U0', kind: 'assignment', title: 'Gammalt uppdrag', issuer: 'SEK-LAR', recipient: 'LAR-E01', status: 'cancelled' },
      in_scope: false,
      assessment: { assessment: 'fulfilled', trend: 'unchanged', analysis: '', actions: [] },
      derived_status: { fulfilled: 0, partly_fulfilled: 0, not_fulfilled: 0, cannot_be_assessed: 0, not_assessed: 0, items: 0, worst: null },
      below: [],
    },
  ],
  hidden_below: 0,
  topics: [
    { topic: 'finances', text: 'Budget i balans.' },
    { topic: 'staff', text: '' },
  ],
  indicator_values: [
    {
      indicator: 'SJUK',
      unit: 'LAR-E01',
      unit_name: 'Grundskola Aspenäs',
      period_end: '2025-12-31',
      value: 6.25,
      numerator: 25,
      denominator: 400,
      weight: null,
      target: null,
    },
  ],
  actions: ['save', 'submit'],
  deviations: [],
};

const indicators = new Map<string, Indicator>([
  ['SJUK', { code: 'SJUK', name: 'Sjukfrånvaro', description: '', unit_of_measure: '%', direction: 'lower_is_better', aggregation: 'ratio_of_sums', targets: [] }],
  ['ENERGI', { code: 'ENERGI', name: 'Energi', description: '', unit_of_measure: 'kWh', direction: 'lower_is_better', aggregation: 'sum', targets: [{ year: 2025, unit: '', value: 100 }, { year: 2025, unit: 'LAR-E01', value: 80 }] }],
]);

describe('the report-back form', () => {
  it('starts from the shown version: items in scope in order, every topic, the values and empty rows for the items’ indicators', () => {
    const draft = draftFrom(report, [{ indicator: 'SJUK' }, { indicator: 'ENERGI' }]);
    expect(draft.assessments.map((a) => [a.item, a.assessment, a.trend])).toEqual([
      ['U1', 'partly_fulfilled', 'worse'],
      ['U2', '', ''],
    ]);
    expect(draft.assessments[0].actions[0]).toMatchObject({ owner: 'P13', owner_name: 'Viktor Åberg', due: '2026-02-01' });
    expect(draft.topics).toEqual([
      { topic: 'finances', text: 'Budget i balans.' },
      { topic: 'staff', text: '' },
    ]);
    expect(draft.values.map((v) => [v.indicator, v.unit, v.numerator, v.denominator, v.value])).toEqual([
      ['SJUK', 'LAR-E01', '25', '400', '6,25'],
      ['ENERGI', 'LAR-E01', '', '', ''],
    ]);
  });

  it('sends every item and topic, no empty value row, and a share’s value computed as the API does', () => {
    const draft = draftFrom(report, [{ indicator: 'ENERGI' }]);
    draft.values[0].numerator = '30';
    const { body, valueRows } = contentOf(draft, '2025-12-31', indicators);
    expect(valueRows).toEqual([0]);
    expect(body).toEqual({
      assessments: [
        {
          item: 'U1',
          assessment: 'partly_fulfilled',
          trend: 'worse',
          analysis: 'För få lärare.',
          actions: [{ description: 'Rekrytera', owner: 'P13', due: '2026-02-01', status: 'planned' }],
        },
        { item: 'U2', assessment: null, trend: null, analysis: '', actions: [] },
      ],
      topics: [
        { topic: 'finances', text: 'Budget i balans.' },
        { topic: 'staff', text: '' },
      ],
      indicator_values: [{ indicator: 'SJUK', unit: 'LAR-E01', period_end: '2025-12-31', numerator: 30, denominator: 400, value: 7.5 }],
    });
  });

  it('stops what the API would refuse as malformed, at its field', () => {
    const draft = draftFrom(report, [{ indicator: 'ENERGI' }]);
    draft.assessments[1].actions.push({ key: 99, description: 'Ny', owner: '', owner_name: '', due: '2026-13-40x', status: 'planned' });
    draft.values[0].denominator = '';
    draft.values[1].value = 'mycket';
    expect(malformed(draft, indicators).map((p) => [p.path, t(p.key, p.params)])).toEqual([
      ['assessments[1].actions[0].due', 'Håll budgeten, åtgärd 1: ange datum som ÅÅÅÅ-MM-DD.'],
      ['values[0].denominator', 'Sjukfrånvaro: skriv nämnaren, eller lämna båda fälten tomma.'],
      ['values[1].value', 'Energi: skriv ett tal, till exempel 12,5.'],
    ]);
  });

  it('puts the API’s errors at their fields, in Swedish, counting value rows in the form’s order', () => {
    const draft = draftFrom(report, [{ indicator: 'ENERGI' }]);
    const error = new ApiError(422, 'rule_broken', 'breaks 4 rules', 'assessments[1].trend', [
      { where: 'assessments[1].trend', rule: 'L13', message: 'item U2 has no trend' },
      { where: 'assessments[0].actions[0].owner', rule: 'L13', message: 'no owner' },
      { where: 'topics[1].text', rule: 'L13', message: 'the text on staff is empty' },
      { where: '$.indicator_values[0].value', rule: '', message: 'missing required field' },
      { where: 'assessments[0].item', rule: 'integrity', message: 'item U1 is not in scope' },
    ]);
    const problems = problemsOf(error, draft, [1], (topic) => t(`followUp.topic.${topic}`), t, indicators);
    expect(problems).toEqual([
      { field: 'assessments[1].trend', message: 'Håll budgeten: välj en trend.' },
      { field: 'assessments[0].actions[0].owner', message: 'Stärk läsförmågan, åtgärd 1: välj vem som är ansvarig.' },
      { field: 'topics[1].text', message: 'Personal: skriv en text om läget.' },
      { field: 'values[1].value', message: 'Energi: missing required field' },
      { field: 'assessments[0].item', message: 'item U1 is not in scope' },
    ]);
    expect(problems.map((p) => fieldId(p.field))).toEqual([
      'rb-a1-trend-better',
      'rb-a0-x0-owner',
      'rb-t1',
      'rb-v1-value',
      'rb-a0-assessment-fulfilled',
    ]);
  });
});

describe('my report-backs and what I decide', () => {
  const mine = (code: string, name: string, deadline: string, state: MyReportBack['state']): MyReportBack => ({
    occasion: { code, name: code },
    recipient: { kind: 'unit', code: name, name },
    deadline,
    state,
    late: false,
    submitted_on: null,
  });

  it('lists what waits for me first, by deadline, then the rest newest first', () => {
    const sorted = sortMine([
      mine('KS-04', 'Grundskola', '2025-05-13', 'approved'),
      mine('AR', 'Grundskola', '2026-03-20', 'missing'),
      mine('DELAR', 'Grundskola', '2025-09-23', 'approved'),
      mine('KS-11', 'Sektor', '2025-12-15', 'returned'),
    ]);
    expect(sorted.map((r) => r.occasion.code)).toEqual(['KS-11', 'AR', 'DELAR', 'KS-04']);
  });

  it('decides as the head of a unit, and as the secretary only of political bodies', () => {
    const units = decidingUnits(
      [
        { role: 'head', unit: 'SEK-LAR' },
        { role: 'controller', unit: 'KS' },
        { role: 'controller', unit: 'KD' },
        { role: 'employee', unit: 'LAR-E01' },
      ],
      (code) => code === 'KS',
    );
    expect([...units].sort()).toEqual(['KS', 'SEK-LAR']);
  });
});

describe('the calendar', () => {
  const calendar: CalendarData = {
    year: 2025,
    adopted: true,
    occasions: [
      {
        ...annualReport2025,
        deadlines: [
          { level: 'unit', deadline: '2026-03-20' },
          { level: 'sector', deadline: '2026-03-25' },
        ],
      },
      {
        code: '2025-KS-11',
        name: 'Månadsuppföljning november 2025',
        kind: 'monthly',
        level: 'executive_board',
        body: 'KS',
        body_name: 'Kommunstyrelsen',
        period_end: '2025-11-30',
        meeting: '2025-12-30',
        status: 'open',
        deadlines: [{ level: 'sector', deadline: '2025-12-15' }],
      },
    ],
  };
  const own: MyReportBack = {
    occasion: { code: '2025-AR', name: 'Årsredovisning 2025' },
    recipient: { kind: 'unit', code: 'LAR-E01', name: 'Grundskola Aspenäs' },
    deadline: '2026-03-20',
    state: 'missing',
    late: false,
    submitted_on: null,
  };

  it('groups deadlines and meetings by month, my own deadline first on its day', () => {
    const months = timeline(calendar, [own]);
    expect(months.map((m) => [m.key, m.events.map((e) => `${e.date} ${e.kind}`)])).toEqual([
      ['2025-12', ['2025-12-15 deadline', '2025-12-30 meeting']],
      ['2026-03', ['2026-03-20 mine', '2026-03-20 deadline', '2026-03-25 deadline']],
      ['2026-04', ['2026-04-29 meeting']],
    ]);
  });

  it('shows only my deadlines when asked, and every month of the year', () => {
    const months = monthsOfYear(2025, timeline(calendar, [own], true));
    expect(months).toHaveLength(13);
    expect(months[0]).toEqual({ month: 1, key: '2025-01', events: [] });
    expect(months[12].events.map((e) => e.kind)).toEqual(['mine']);
  });

  it('places today before the first event on or after it', () => {
    const [december] = timeline(calendar, []);
    expect(todayIndex(december.events, '2025-11-30')).toBe(0);
    expect(todayIndex(december.events, '2025-12-20')).toBe(1);
    expect(todayIndex(december.events, '2025-12-31')).toBe(2);
  });
});
