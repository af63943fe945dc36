import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import {
  ancestorsOf,
  auditChanges,
  branchCodes,
  buildChain,
  checkIssueForm,
  countItems,
  defaultKind,
  describeFollowUp,
  emptyIssueForm,
  filterChain,
  followUpOf,
  formOfItem,
  issueFieldOf,
  kindsFor,
  latestValue,
  mandateProgrammesFor,
  mayIssueFrom,
  newItemOf,
  nodesOfTrace,
  problemsOf,
  recipientChoices,
  visionFor,
  whatChangeOf,
  yearChoices,
  type AuditEntry,
  type ChainNode,
  type DocumentSummary,
  type IssueForm,
  type Item,
} from './chain';
import type { ItemSummary, UnitDetail } from './api-types';

function summary(code: string, origin = '', extra: Partial<ItemSummary> = {}): ItemSummary {
  return {
    code,
    kind: 'assignment',
    title: `Titel ${code}`,
    issuer: 'X',
    recipient: 'Y',
    recipient_name: 'Enheten',
    origin,
    status: 'acknowledged',
    ...extra,
  };
}

function item(extra: Partial<Item> = {}): Item {
  return {
    ...summary('KD-U001', 'VP25-U01'),
    document: '',
    recipient_unit: 'SEK-LAR',
    recipient_person: '',
    recipient: 'SEK-LAR',
    recipient_kind: 'unit',
    origin: 'VP25-U01',
    origin_document: '',
    description: '',
    follow_up: { indicators: [], deliverable: '', deliverable_due: null, assessed_at: [] },
    plan: '',
    closing_note: '',
    revision: 3,
    may: ['acknowledge_item', 'edit_how', 'complete_item'],
    ...extra,
  };
}

function document(extra: Partial<DocumentSummary>): DocumentSummary {
  return {
    code: 'D',
    version: 1,
    kind: 'policy',
    title: 'Dokument',
    deciding_body: 'KF',
    status: 'decided',
    decision: null,
    valid_from: '2020-01-01',
    valid_to: null,
    year: null,
    term: null,
    ...extra,
  };
}

const codes = (nodes: ChainNode[]) => nodes.map((node) => node.item.code);

describe('buildChain', () => {
  const items = [
    summary('BU25-M10', 'VOM-M01'),
    summary('VOM-M01'),
    summary('BU25-M2', 'VOM-M01'),
    summary('KD-U001', 'VP25-U01'),
    summary('KD-U002', 'VP25-U01'),
    summary('KD-U005', 'VP25-U03'),
    summary('KD-U038'),
    summary('LAR-U001', 'KD-U001'),
  ];
  const sections = buildChain(items, new Map([['VOM-M01', 'VISION']]), new Set(['VISION']));

  it('hangs each item under its origin, siblings in code order with numbers compared as numbers', () => {
    const vision = sections[0];
    expect(vision).toMatchObject({ kind: 'document', document: 'VISION' });
    expect(codes(vision.nodes)).toEqual(['VOM-M01']);
    expect(codes(vision.nodes[0].children)).toEqual(['BU25-M2', 'BU25-M10']);
    expect(vision.nodes[0].descendants).toBe(2);
  });

  it('keeps items whose origin cannot be read under a heading per origin', () => {
    const unknown = sections.filter((section) => section.kind === 'unknownOrigin');
    expect(unknown.map((section) => section.kind === 'unknownOrigin' && section.origin)).toEqual(['VP25-U01', 'VP25-U03']);
    expect(codes(unknown[0].nodes)).toEqual(['KD-U001', 'KD-U002']);
    expect(codes(unknown[0].nodes[0].children)).toEqual(['LAR-U001']);
  });

  it('lists items with no origin at all last (D3 asks for them)', () => {
    const last = sections[sections.length - 1];
    expect(last.kind).toBe('noOrigin');
    expect(codes(last.nodes)).toEqual(['KD-U038']);
  });

  it('loses no item, even in a cycle of origins', () => {
    expect(countItems(sections)).toBe(items.length);
    const cycle = buildChain([summary('A', 'B'), summary('B', 'A')], new Map());
    expect(countItems(cycle)).toBe(2);
  });

  it('puts the vision before other documents', () => {
    const two = buildChain(
      [summary('A'), summary('B')],
      new Map([
        ['A', 'AAA-DOC'],
        ['B', 'VISION'],
      ]),
      new Set(['VISION']),
    );
    expect(two.map((section) => section.kind === 'document' && section.document)).toEqual(['VISION', 'AAA-DOC']);
  });
});

describe('filterChain', () => {
  const sections = buildChain(
    [
      summary('VOM-M01', '', { title: 'Alla barn ska nå kunskapsmålen' }),
      summary('BU25-M01', 'VOM-M01', { title: 'Behörighet' }),
      summary('KD-U001', 'BU25-M01', { title: 'Läsning', recipient_name: 'Lärande', status: 'issued' }),
      summary('KD-U002', 'BU25-M01', { title: 'Elevhälsa', recipient_name: 'Lärande' }),
      summary('VOM-M02', '', { title: 'Äldreomsorg' }),
    ],
    new Map([
      ['VOM-M01', 'VISION'],
      ['VOM-M02', 'VISION'],
    ]),
  );

  it('shows a match with the chain above it, and opens the way to it', () => {
    const result = filterChain(sections, { text: 'läsning', notAcknowledged: false });
    expect(codes(result.sections[0].nodes)).toEqual(['VOM-M01']);
    expect(codes(result.sections[0].nodes[0].children[0].children)).toEqual(['KD-U001']);
    expect([...result.matched]).toEqual(['KD-U001']);
    expect([...result.open].sort()).toEqual(['BU25-M01', 'VOM-M01']);
  });

  it('needs every word, in any case, Å Ä Ö included', () => {
    expect(filterChain(sections, { text: 'ÄLDREOMSORG', notAcknowledged: false }).matched).toEqual(new Set(['VOM-M02']));
    expect(filterChain(sections, { text: 'lärande elevhälsa', notAcknowledged: false }).matched).toEqual(new Set(['KD-U002']));
    expect(filterChain(sections, { text: 'lärande finns-inte', notAcknowledged: false }).sections).toEqual([]);
  });

  it('searches kinds in the words shown', () => {
    const result = filterChain(sections, { text: 'uppdrag', notAcknowledged: false }, (kind) => (kind === 'assignment' ? 'Uppdrag' : kind));
    expect(result.matched.size).toBe(5);
  });

  it('"only not acknowledged" keeps issued items only', () => {
    const result = filterChain(sections, { text: '', notAcknowledged: true });
    expect(result.matched).toEqual(new Set(['KD-U001']));
  });

  it('opens the way to the user’s own items and can open every branch', () => {
    expect(ancestorsOf(sections, (entry) => entry.code === 'KD-U002')).toEqual(new Set(['VOM-M01', 'BU25-M01']));
    expect(branchCodes(sections)).toEqual(new Set(['VOM-M01', 'BU25-M01']));
  });
});

describe('nodesOfTrace', () => {
  it('turns a trace down into sorted branches', () => {
    const nodes = nodesOfTrace({
      ...summary('A'),
      children: [
        { ...summary('A-U10', 'A'), children: [] },
        { ...summary('A-U9', 'A'), children: [{ ...summary('B', 'A-U9'), children: [] }] },
      ],
    });
    expect(codes(nodes)).toEqual(['A-U9', 'A-U10']);
    expect(nodes[0].descendants).toBe(1);
  });
});

describe('years and documents', () => {
  const documents = [
    document({ code: 'VOM-2023', kind: 'mandate_programme', term: 2023, valid_from: '2023-01-01', valid_to: '2026-12-31' }),
    document({ code: 'BUDGET-2025', kind: 'budget', year: 2025 }),
    document({ code: 'VISION', kind: 'vision', valid_from: '2010-01-01', valid_to: '2025-12-31' }),
    document({ code: 'VISION-2040', kind: 'vision', valid_from: '2026-01-01', valid_to: null, status: 'draft' }),
  ];

  it('offers the years the documents cover and the current one, newest first', () => {
    expect(yearChoices(documents, 2027)).toEqual([2027, 2026, 2025, 2024, 2023]);
  });

  it('finds the mandate programme of a year within its term', () => {
    expect(mandateProgrammesFor(documents, 2025).map((entry) => entry.code)).toEqual(['VOM-2023']);
    expect(mandateProgrammesFor(documents, 2027)).toEqual([]);
  });

  it('shows the decided vision in force, else the newest decided', () => {
    expect(visionFor(documents, 2025)?.code).toBe('VISION');
    expect(visionFor(documents, 2030)?.code).toBe('VISION');
  });
});

describe('issuing from an item', () => {
  const unit: UnitDetail = {
    code: 'SEK-LAR',
    name: 'Lärande',
    kind: 'sector',
    parent: 'KD',
    parent_name: 'Kommundirektörens kontor',
    valid_from: '2023-01-01',
    valid_to: null,
    as_of: '2025-11-30',
    all_members: true,
    children: [
      { code: 'LAR-E02', name: 'Öxabäck', kind: 'unit', valid_from: '2023-01-01', valid_to: null },
      { code: 'LAR-E01', name: 'Aspenäs', kind: 'unit', valid_from: '2023-01-01', valid_to: null },
      { code: 'LAR-E09', name: 'Zeta', kind: 'unit', valid_from: '2023-01-01', valid_to: null },
      { code: 'LAR-GONE', name: 'Nedlagd', kind: 'unit', valid_from: '2023-01-01', valid_to: '2024-12-31' },
    ],
    memberships: [
      { person: 'P3', name: 'Tilda Persson', role: 'head', valid_from: '2023-01-01', valid_to: null },
      { person: 'P9', name: 'Åsa Berg', role: 'employee', valid_from: '2023-01-01', valid_to: null },
      { person: 'P3', name: 'Tilda Persson', role: 'controller', valid_from: '2023-01-01', valid_to: null },
    ],
  };

  it('offers the units directly below that exist today and the members, in Swedish order', () => {
    const choices = recipientChoices(unit);
    expect(choices.units.map((choice) => choice.name)).toEqual(['Aspenäs', 'Zeta', 'Öxabäck']);
    expect(choices.people.map((choice) => [choice.name, choice.detail])).toEqual([
      ['Tilda Persson', ['head', 'controller']],
      ['Åsa Berg', ['employee']],
    ]);
  });

  it('offers goals to political bodies only, and starts from what suits the recipient', () => {
    expect(kindsFor('sector')).toEqual(['assignment', 'activity']);
    expect(kindsFor('executive_board')).toContain('goal');
    expect(defaultKind(kindsFor('sector'), 'person')).toBe('activity');
    expect(defaultKind(kindsFor('sector'), 'unit')).toBe('assignment');
  });

  it('lets only the recipient unit issue from an item that can be built on', () => {
    expect(mayIssueFrom(item())).toBe(true);
    expect(mayIssueFrom(item({ status: 'draft' }))).toBe(false);
    expect(mayIssueFrom(item({ status: 'cancelled' }))).toBe(false);
    expect(mayIssueFrom(item({ may: [] }))).toBe(false);
    expect(mayIssueFrom(item({ recipient_kind: 'person', recipient_unit: '', recipient_person: 'P1' }))).toBe(false);
  });

  const filled = (extra: Partial<IssueForm> = {}): IssueForm => ({
    ...emptyIssueForm(),
    recipient: 'LAR-E01',
    title: 'Utse läsombud',
    ...extra,
  });

  it('asks for a recipient and a title (D1)', () => {
    expect(checkIssueForm(emptyIssueForm(), false).map((problem) => problem.field)).toEqual(['recipient', 'title']);
  });

  it('asks for a way of following up before issuing, not for a draft (D4)', () => {
    expect(checkIssueForm(filled(), false)).toEqual([]);
    expect(checkIssueForm(filled()).map((problem) => problem.key)).toEqual(['chain.issue.error.followUp']);
    expect(checkIssueForm(filled({ useAssessment: true, otherAssessment: ' \n Tertialuppföljning april\n' }))).toEqual([]);
  });

  it('counts an indicator only with a target, and a deliverable only with a date', () => {
    const indicatorOnly = filled({ useIndicator: true, indicator: 'BEHORIGHET', indicatorYear: '2025' });
    expect(checkIssueForm(indicatorOnly).map((problem) => problem.field)).toEqual(['target']);
    expect(checkIssueForm({ ...indicatorOnly, target: '88,5' })).toEqual([]);
    expect(checkIssueForm({ ...indicatorOnly, target: 'mycket' }).map((problem) => problem.key)).toEqual(['chain.issue.error.target']);
    expect(checkIssueForm(filled({ useDeliverable: true, deliverable: 'Rapport' })).map((problem) => problem.field)).toEqual([
      'deliverableDue',
    ]);
  });

  it('sends only the ticked ways, numbers read the Swedish way', () => {
    const form = filled({
      useAssessment: true,
      assessedAt: ['Delårsrapport 2025'],
      otherAssessment: 'Årsredovisning 2025\nDelårsrapport 2025',
      useIndicator: true,
      indicator: 'BEHORIGHET',
      indicatorYear: '2025',
      target: '1 234,5',
      useDeliverable: false,
      deliverable: 'glömd',
    });
    expect(followUpOf(form)).toEqual({
      indicators: [{ indicator: 'BEHORIGHET', year: 2025, target: 1234.5 }],
      deliverable: '',
      deliverable_due: null,
      assessed_at: ['Delårsrapport 2025', 'Årsredovisning 2025'],
    });
  });

  it('issues as the origin’s recipient, built on the origin (D3)', () => {
    const draft = newItemOf(filled({ useAssessment: true, assessedAt: ['X'], due: '2025-12-31' }), item(), 'unit');
    expect(draft).toMatchObject({ issuer: 'SEK-LAR', origin: 'KD-U001', recipient_unit: 'LAR-E01', kind: 'assignment', due: '2025-12-31' });
    expect(draft).not.toHaveProperty('recipient_person');
    expect(newItemOf(filled({ recipient: 'P9' }), item(), 'person')).toMatchObject({ recipient_person: 'P9' });
  });

  it('moves recipient and origin on a draft only', () => {
    const form = filled({ origin: 'VP25-U07' });
    expect(whatChangeOf(form, { status: 'draft' }, 'unit')).toMatchObject({ recipient_unit: 'LAR-E01', recipient_person: '', origin: 'VP25-U07' });
    const issued = whatChangeOf(form, { status: 'issued' }, 'unit');
    expect(issued).not.toHaveProperty('recipient_unit');
    expect(issued).not.toHaveProperty('origin');
  });

  it('keeps every part of an item’s follow-up when its WHAT is edited', () => {
    const form = formOfItem(
      item({
        follow_up: {
          indicators: [
            { indicator: 'A', year: 2025, target: null },
            { indicator: 'B', year: 2025, target: 12.5 },
          ],
          deliverable: '',
          deliverable_due: null,
          assessed_at: ['Delårsrapport 2025'],
        },
      }),
      '2025',
    );
    expect(form).toMatchObject({ useAssessment: true, useIndicator: true, indicator: 'A', target: '', useDeliverable: false });
    expect(followUpOf(form).indicators).toEqual([
      { indicator: 'A', year: 2025, target: null },
      { indicator: 'B', year: 2025, target: 12.5 },
    ]);
    expect(followUpOf(form).assessed_at).toEqual(['Delårsrapport 2025']);
  });
});

describe('errors from the API at the form', () => {
  const ids = (where: string) => {
    const field = issueFieldOf(where);
    return field ? `id-${field}` : null;
  };
  const general = () => 'allmänt';

  it('puts a broken rule at its field, the rule first', () => {
    const error = new ApiError(422, 'rule_broken', 'item KD-U039 breaks 2 rules; nothing was written', 'items[371].origin', [
      { where: 'items[371].origin', rule: 'D3', message: 'item KD-U039: KD can only build on items it received' },
      { where: 'items[371].follow_up', rule: 'D4', message: 'item KD-U039: an issued item must say how it is followed up' },
    ]);
    expect(problemsOf(error, ids, general)).toEqual([
      { field: 'id-origin', message: 'D3: KD can only build on items it received' },
      { field: 'id-followUp', message: 'D4: an issued item must say how it is followed up' },
    ]);
  });

  it('uses the message of a missing field', () => {
    const error = new ApiError(400, 'invalid_input', 'title is required: an item says what is to be achieved', 'title', [
      { where: 'title', rule: '', message: 'must not be empty' },
    ]);
    expect(problemsOf(error, ids, general)).toEqual([{ field: 'id-title', message: 'title is required: an item says what is to be achieved' }]);
  });

  it('says a stale revision or a refusal in the form’s own words', () => {
    const stale = new ApiError(409, 'conflict', 'item X has changed', 'If-Match', [{ where: 'If-Match', rule: '', message: 'stale revision' }]);
    expect(problemsOf(stale, ids, general)).toEqual([{ field: '', message: 'allmänt' }]);
    expect(problemsOf(new ApiError(403, 'forbidden', 'no'), ids, general)).toEqual([{ field: '', message: 'allmänt' }]);
  });

  it('maps the API’s paths to the form’s fields', () => {
    expect(issueFieldOf('items[3].follow_up.deliverable_due')).toBe('deliverableDue');
    expect(issueFieldOf('follow_up.indicators[0].target')).toBe('target');
    expect(issueFieldOf('recipient_person')).toBe('recipient');
    expect(issueFieldOf('$.follow_up.indicators[0].year')).toBe('indicatorYear');
    expect(issueFieldOf('If-Match')).toBeNull();
  });
});

describe('history', () => {
  const entry = (before: AuditEntry['before'], after: AuditEntry['after']): AuditEntry => ({
    sequence: 1,
    at: '2025-11-30T10:00:00Z',
    actor: 'P00003 (sektorschef)',
    action: 'item.acknowledged',
    record: 'KD-U001',
    before,
    after,
  });

  it('lists what changed, status first', () => {
    const changes = auditChanges(entry({ plan: '', status: 'issued', acknowledged_on: null }, { plan: 'Så här', status: 'acknowledged', acknowledged_on: '2025-11-30' }));
    expect(changes.map((change) => change.field)).toEqual(['status', 'plan', 'acknowledged_on']);
    expect(changes[1]).toEqual({ field: 'plan', before: '', after: 'Så här' });
  });

  it('lists only the fields a creation set', () => {
    const changes = auditChanges(
      entry(null, {
        code: 'KD-U039',
        title: 'Test',
        plan: '',
        due: null,
        follow_up: { assessed_at: [], deliverable: '', deliverable_due: null, indicators: [] },
        status: 'draft',
      }),
    );
    expect(changes.map((change) => change.field)).toEqual(['status', 'title']);
  });

  it('says a follow-up in one line', () => {
    const words = {
      indicator: (code: string, year: number, target: string | null) => `${code} ${year} ${target ?? '-'}`,
      deliverable: (what: string, due: string) => `${what} ${due}`,
      assessedAt: (names: string) => `vid ${names}`,
      none: 'ingen',
    };
    expect(
      describeFollowUp({ indicators: [{ indicator: 'E', year: 2025, target: 1234.5 }], deliverable: 'R', deliverable_due: '2026-03-31', assessed_at: ['A', 'B'] }, words),
    ).toBe('E 2025 1\u00a0234,5; R 2026-03-31; vid A, B');
    expect(describeFollowUp({}, words)).toBe('ingen');
  });
});

describe('indicators', () => {
  it('finds the latest value', () => {
    const value = (period_end: string) => ({ indicator: 'E', unit: 'U', unit_name: 'U', period_end, value: 1, numerator: null, denominator: null, weight: null, target: null });
    expect(latestValue([value('2025-04-30'), value('2025-08-31'), value('2025-01-31')])?.period_end).toBe('2025-08-31');
    expect(latestValue([])).toBeNull();
  });
});
