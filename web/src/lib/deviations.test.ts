import { describe, expect, it } from 'vitest';
import {
  checkReport,
  escalationPath,
  eventSummary,
  filtersFromQuery,
  flattenUnits,
  formatMinutes,
  levelsFor,
  ownerCandidates,
  registerAddress,
  reportBody,
  reportableUnits,
  rightsOn,
  stepErrors,
  emptyFilters,
  type Deviation,
  type DeviationLevel,
  type ReportForm,
} from './deviations';
import type { UnitNode, UnitKind } from './api-types';
import { ApiError } from './api';

function node(code: string, name: string, kind: UnitKind, children: UnitNode[] = [], parent = ''): UnitNode {
  const own: UnitNode = { code, name, kind, parent, valid_from: '2000-01-01', valid_to: null, heads: [], children: [] };
  own.children = children.map((child) => ({ ...child, parent: code }));
  return own;
}

// A small Lerum: the council, the board, the chief executive's office, a sector with two units
// (one with a workplace), and a company straight under the council.
const tree = {
  as_of: '2025-11-30',
  root: node('KF', 'Kommunfullmäktige', 'council', [
    node('BOL-01', 'Lerumsbostäder AB', 'company'),
    node('KS', 'Kommunstyrelsen', 'executive_board', [
      node('KD', 'Kommundirektörens kontor', 'chief_executive_office', [
        node('SEK-LAR', 'Lärande', 'sector', [
          node('LAR-E02', 'Öxeredsskolan', 'unit'),
          node('LAR-E01', 'Aspenässkolan', 'unit', [node('LAR-A001', 'Aspenäs idrottshall', 'workplace')]),
          node('LAR-E03', 'Zenitskolan', 'unit'),
        ]),
      ]),
    ]),
  ]),
};
// The children above were given their parent only one level deep; fix the deeper ones.
function setParents(unit: UnitNode) {
  for (const child of unit.children) {
    child.parent = unit.code;
    setParents(child);
  }
}
setParents(tree.root);
const units = flattenUnits(tree);

function level(position: number, unit: string, people: string[], extra: Partial<DeviationLevel> = {}): DeviationLevel {
  return {
    position,
    unit,
    unit_name: unit,
    people: people.map((code) => ({ code, name: `Namn ${code}` })),
    notified_at: '2025-11-30T08:00:00Z',
    acknowledged_at: null,
    acknowledged_by: null,
    acknowledged_by_name: null,
    took_minutes: null,
    due_at: null,
    reminded_at: null,
    escalated_at: null,
    released_at: null,
    ...extra,
  };
}

function deviation(extra: Partial<Deviation> = {}): Deviation {
  return {
    code: 'AVV-2025-0007',
    unit: 'LAR-E01',
    unit_name: 'Aspenässkolan',
    reported_by: 'P00123',
    reported_by_name: 'Ahmed Viklund',
    reported_at: '2025-11-30T08:00:00Z',
    category: 'operations',
    gravity: 3,
    title: 'Vattenläcka',
    description: 'Det läckte.',
    occurred_on: '2025-11-29',
    affected_items: [],
    affected_indicators: [],
    budget_effect_sek: null,
    immediate_actions: '',
    confidential: false,
    state: 'open',
    closing_note: '',
    closed_by: null,
    closed_by_name: null,
    closed_at: null,
    council_listed_at: null,
    council_meeting: null,
    levels: [
      level(1, 'LAR-E01', ['P00013'], { acknowledged_at: '2025-11-30T09:00:00Z', acknowledged_by: 'P00013' }),
      level(2, 'SEK-LAR', ['P00003']),
      level(3, 'KD', ['P00001', 'P00002']),
      level(4, 'KS', ['P00008', 'P02623']),
    ],
    actions: [],
    timeline: [],
    revision: 1,
    ...extra,
  };
}

describe('the unit tree', () => {
  it('lists siblings in Swedish order, Ö after Z', () => {
    const sector = units.list.filter((unit) => unit.parent === 'SEK-LAR').map((unit) => unit.name);
    expect(sector).toEqual(['Aspenässkolan', 'Zenitskolan', 'Öxeredsskolan']);
  });

  it('says who a gravity reaches, as the server counts it', () => {
    const path = escalationPath(units, 'LAR-E01');
    expect(levelsFor(path, 'unit').map((u) => u.code)).toEqual(['LAR-E01']);
    expect(levelsFor(path, 'sector').map((u) => u.code)).toEqual(['LAR-E01', 'SEK-LAR']);
    expect(levelsFor(path, 'executive_board').map((u) => u.code)).toEqual(['LAR-E01', 'SEK-LAR', 'KD', 'KS']);
    expect(levelsFor(path, 'council').map((u) => u.code)).toEqual(['LAR-E01', 'SEK-LAR', 'KD', 'KS', 'KF']);
    // A workplace's own unit knows of it too when only the unit must.
    expect(levelsFor(escalationPath(units, 'LAR-A001'), 'unit').map((u) => u.code)).toEqual(['LAR-A001', 'LAR-E01']);
    // A company has no sector above it: the next level up is told.
    expect(levelsFor(escalationPath(units, 'BOL-01'), 'sector').map((u) => u.code)).toEqual(['BOL-01', 'KF']);
  });

  it('offers an employee their own unit and a head everything below theirs', () => {
    expect(reportableUnits([{ role: 'employee', unit: 'LAR-E01' }], units).map((u) => u.code)).toEqual(['LAR-E01']);
    expect(reportableUnits([{ role: 'head', unit: 'SEK-LAR' }], units).map((u) => u.code)).toEqual([
      'SEK-LAR',
      'LAR-E01',
      'LAR-A001',
      'LAR-E03',
      'LAR-E02',
    ]);
    expect(reportableUnits([{ role: 'administrator', unit: 'LAR-E01' }], units)).toEqual([]);
  });
});

describe('what the caller may do with a deviation', () => {
  it('asks the chief executive, told at a level, for "I know" and lets them handle it', () => {
    const rights = rightsOn(deviation(), { person: 'P00001', memberships: [{ role: 'head', unit: 'KD' }] }, units);
    expect(rights.toAcknowledge.map((l) => l.unit)).toEqual(['KD']);
    expect(rights.handle).toBe(true);
    expect(rights.comment).toBe(true);
  });

  it('lets the reporter comment but neither acknowledge nor handle', () => {
    const rights = rightsOn(deviation(), { person: 'P00123', memberships: [{ role: 'employee', unit: 'LAR-E01' }] }, units);
    expect(rights.toAcknowledge).toEqual([]);
    expect(rights.handle).toBe(false);
    expect(rights.comment).toBe(true);
    expect(rights.reporter).toBe(true);
  });

  it('counts a head who took over a level, and a body’s secretary, as the chain', () => {
    const successor = rightsOn(deviation(), { person: 'P09999', memberships: [{ role: 'head', unit: 'SEK-LAR' }] }, units);
    expect(successor.toAcknowledge.map((l) => l.unit)).toEqual(['SEK-LAR']);
    const secretary = rightsOn(deviation(), { person: 'P07777', memberships: [{ role: 'controller', unit: 'KS' }] }, units);
    expect(secretary.handle).toBe(true);
    // A controller membership of an administrative unit is no head's: it handles nothing.
    const office = rightsOn(deviation(), { person: 'P07777', memberships: [{ role: 'controller', unit: 'KD' }] }, units);
    expect(office.handle).toBe(false);
    expect(office.toAcknowledge).toEqual([]);
  });

  it('says when the caller’s levels have acknowledged already', () => {
    const rights = rightsOn(deviation(), { person: 'P00013', memberships: [{ role: 'head', unit: 'LAR-E01' }] }, units);
    expect(rights.toAcknowledge).toEqual([]);
    expect(rights.acknowledged).toBe(true);
    expect(rights.handle).toBe(true);
  });

  it('offers nothing on a closed deviation', () => {
    const rights = rightsOn(deviation({ state: 'closed' }), { person: 'P00001', memberships: [{ role: 'head', unit: 'KD' }] }, units);
    expect(rights.toAcknowledge).toEqual([]);
    expect(rights.handle).toBe(false);
    expect(rights.comment).toBe(false);
  });

  it('lets an action’s owner report their own action only', () => {
    const withAction = deviation({
      actions: [
        { number: 1, description: 'Laga', owner: 'P00500', owner_name: 'Ola', due: '2025-12-31', status: 'planned', added_by: 'P00003', added_at: '2025-11-30T10:00:00Z' },
      ],
    });
    const rights = rightsOn(withAction, { person: 'P00500', memberships: [{ role: 'employee', unit: 'LAR-E02' }] }, units);
    expect(rights.ownActions).toEqual([1]);
    expect(rights.handle).toBe(false);
    expect(rights.comment).toBe(false);
  });
});

describe('the register’s address', () => {
  it('reads filters and drops what the API would refuse', () => {
    const { view, filters } = filtersFromQuery(
      new URLSearchParams('visa=alla&enhet=LAR-E01&kategori=quality&grad=7&status=open&fran=2025-01-01&till=nej&sida=3'),
    );
    expect(view).toBe('all');
    expect(filters).toEqual({ unit: 'LAR-E01', category: 'quality', gravity: '', state: 'open', from: '2025-01-01', to: '', page: 3 });
  });

  it('takes the API’s waiting_for=me as the inbox, and no choice as none', () => {
    expect(filtersFromQuery(new URLSearchParams('waiting_for=me')).view).toBe('waiting');
    expect(filtersFromQuery(new URLSearchParams('')).view).toBeNull();
  });

  it('writes back what it reads', () => {
    const address = registerAddress('waiting', { ...emptyFilters, gravity: '3', page: 2 });
    expect(address).toBe('/avvikelser?visa=mig&grad=3&sida=2');
    const again = filtersFromQuery(new URLSearchParams(address.split('?')[1]));
    expect(again.view).toBe('waiting');
    expect(again.filters.gravity).toBe('3');
    expect(registerAddress(null, emptyFilters)).toBe('/avvikelser');
  });
});

describe('words and numbers', () => {
  it('says how long acknowledging took', () => {
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(120)).toBe('2 tim');
    expect(formatMinutes(315)).toBe('5 tim 15 min');
    expect(formatMinutes(1500)).toBe('1 d 1 tim');
    expect(formatMinutes(null)).toBe('–');
  });

  it('tells the timeline in words, with the status in the reader’s language', () => {
    const dev = deviation();
    const changed = eventSummary(
      { sequence: 5, at: '2025-11-30T10:00:00Z', person: 'P00074', person_name: 'Albin Hansen', kind: 'action_changed', text: 'in_progress, klart senast 2025-12-19: Rutinen är skriven', gravity: null, level: null, action: 1, people: [] },
      dev,
    );
    expect(changed.what).toBe('Albin Hansen ändrade åtgärd 1:');
    expect(changed.text).toBe('Pågår, klart senast 2025-12-19: Rutinen är skriven');
    const told = eventSummary(
      { sequence: 2, at: '2025-11-30T08:00:00Z', person: null, person_name: null, kind: 'notified', text: 'KD', gravity: null, level: 3, action: null, people: ['P00001', 'P00002'] },
      dev,
    );
    expect(told.what).toBe('KD fick veta: Namn P00001, Namn P00002.');
    const reminded = eventSummary(
      { sequence: 9, at: '2025-11-30T12:00:00Z', person: null, person_name: null, kind: 'escalated', text: 'SEK-LAR', gravity: null, level: 2, action: null, people: [] },
      dev,
    );
    expect(reminded.what).toContain('kvitterade inte i tid');
  });

  it('offers the chain, the reporter and the owners as owners of an action, by name', () => {
    const names = ownerCandidates(deviation(), [{ code: 'P00050', name: 'Åsa Öberg' }, { code: 'P00001', name: 'dubblett' }]).map((p) => p.name);
    expect(names[0]).toBe('Ahmed Viklund');
    expect(names[names.length - 1]).toBe('Åsa Öberg');
    expect(names).not.toContain('dubblett');
  });
});

describe('the report form', () => {
  const filled: ReportForm = {
    unit: 'LAR-E01',
    category: 'operations',
    gravity: '3',
    title: 'Vattenläcka i matsalen',
    description: 'Ett rör sprang.',
    occurred_on: '2025-11-29',
    budget: '−150 000',
    immediate_actions: '',
    confidential: false,
    items: ['LAR-U001'],
    indicators: [],
  };

  it('accepts a complete report and sends the amount as whole kronor', () => {
    expect(checkReport(filled, '2025-11-30')).toEqual([]);
    expect(reportBody(filled)).toMatchObject({ gravity: 3, budget_effect_sek: -150000, affected_items: ['LAR-U001'] });
    expect(reportBody({ ...filled, budget: '' }).budget_effect_sek).toBeNull();
  });

  it('names every missing field in Swedish', () => {
    const errors = checkReport({ ...filled, unit: '', category: '', gravity: '', title: ' ', description: '' }, '2025-11-30');
    expect(errors.map((e) => e.field)).toEqual(['unit', 'category', 'gravity', 'title', 'description']);
    expect(errors[3].message).toBe('Skriv en rubrik.');
  });

  it('refuses a day after today and an amount that is no whole number', () => {
    const errors = checkReport({ ...filled, occurred_on: '2025-12-01', budget: '12,5' }, '2025-11-30');
    expect(errors.map((e) => e.field)).toEqual(['occurred_on', 'budget_effect_sek']);
    expect(errors[0].message).toContain('2025-11-30');
  });

  it('puts the server’s field errors at the form’s fields, and other refusals above', () => {
    const invalid = new ApiError(400, 'invalid_input', 'reason is required', 'reason', [{ where: 'reason', rule: '', message: 'must not be empty' }]);
    const placed = stepErrors(invalid, { reason: 'avv-step-text' });
    expect(placed.fieldErrors.map((e) => e.field)).toEqual(['avv-step-text', 'avv-step-text']);
    expect(placed.failure).toBeNull();
    const refused = new ApiError(403, 'forbidden', 'only the levels handle it');
    expect(stepErrors(refused, { reason: 'avv-step-text' }).failure).toBe(refused);
  });
});
