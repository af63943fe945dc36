import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api';
import { servePagedList } from '../test-fetch';
import {
  allAccounts,
  canEnd,
  detectKind,
  formErrors,
  generatePassword,
  importProblems,
  isMachineName,
  isPersonCode,
  looksLikeJson,
  membershipState,
  parseCsv,
  peopleReach,
  previewCsv,
  rightsOf,
  screensFor,
  searchUnits,
  sortMembers,
  sortMemberships,
  sortPeople,
  sortTree,
  suggestUsername,
  unitChoices,
  type Account,
  type PersonMembership,
} from './admin';
import type { UnitNode } from './api-types';
import type { SessionInfo } from './session.svelte';
import adminMessages from '../messages/admin';
import accessibilityMessages from '../messages/accessibility';

function sessionOf(memberships: { role: string; unit: string }[], administrator = false): SessionInfo {
  return { username: 'u', name: 'U', person: 'P1', organisation: '1441', administrator, memberships, csrf_token: 'x' };
}

function unit(code: string, name: string, kind: UnitNode['kind'], children: UnitNode[] = [], valid_to: string | null = null): UnitNode {
  return { code, name, kind, parent: '', valid_from: '2020-01-01', valid_to, heads: [], children };
}

const tree = unit('KF', 'Kommunfullmäktige', 'council', [
  unit('BOL', 'Lerumsbostäder AB', 'company'),
  unit('BER', 'Demokratiberedningen', 'drafting_committee'),
  unit('NMD', 'Valnämnden', 'committee'),
  unit('KS', 'Kommunstyrelsen', 'executive_board', [
    unit('KD', 'Kommundirektörens kontor', 'chief_executive_office', [
      unit('VOO', 'Vård och omsorg', 'sector'),
      unit('LAR', 'Lärande', 'sector', [
        unit('E2', 'Öjersjö förskola', 'unit'),
        unit('E1', 'Aspenäs förskola', 'unit'),
        unit('E3', 'Ängabo förskola', 'unit', [], '2024-06-30'),
      ]),
    ]),
  ]),
]);

describe('who may do what in administration', () => {
  it('sees an administrator by the flag or by an administrator membership', () => {
    expect(rightsOf(sessionOf([], true)).administrator).toBe(true);
    expect(rightsOf(sessionOf([{ role: 'administrator', unit: 'INT' }])).administrator).toBe(true);
    expect(rightsOf(sessionOf([{ role: 'employee', unit: 'E1' }])).administrator).toBe(false);
  });

  it('offers the import only to controllers, and tokens to everyone', () => {
    const admin = screensFor(rightsOf(sessionOf([], true))).map((s) => s.id);
    const controller = screensFor(rightsOf(sessionOf([{ role: 'controller', unit: 'KS' }]))).map((s) => s.id);
    const employee = screensFor(rightsOf(sessionOf([{ role: 'employee', unit: 'E1' }]))).map((s) => s.id);
    expect(admin).toEqual(['units', 'people', 'tokens']);
    expect(controller).toEqual(['units', 'people', 'import', 'tokens']);
    expect(employee).toEqual(['units', 'people', 'tokens']);
  });

  it('tells how much of the directory of people the caller reads', () => {
    expect(peopleReach(rightsOf(sessionOf([{ role: 'controller', unit: 'KS' }])))).toBe('everyone');
    expect(peopleReach(rightsOf(sessionOf([{ role: 'head', unit: 'LAR' }])))).toBe('subtree');
    expect(peopleReach(rightsOf(sessionOf([{ role: 'member', unit: 'KF' }])))).toBe('self');
  });
});

describe('the unit tree', () => {
  it('puts the board before committees, drafting committees and companies, and names in Swedish order', () => {
    const sorted = sortTree(tree);
    expect(sorted.children.map((c) => c.code)).toEqual(['KS', 'NMD', 'BER', 'BOL']);
    const lar = sorted.children[0].children[0].children.find((c) => c.code === 'LAR')!;
    expect(lar.children.map((c) => c.name)).toEqual(['Aspenäs förskola', 'Ängabo förskola', 'Öjersjö förskola']);
  });

  it('finds units by name or code and opens the way down to them', () => {
    const found = searchUnits(tree, 'FÖRSKOLA');
    expect([...found.hits].sort()).toEqual(['E1', 'E2', 'E3']);
    expect([...found.open].sort()).toEqual(['KD', 'KF', 'KS', 'LAR']);
    expect(found.shown.has('VOO')).toBe(false);
    expect(searchUnits(tree, 'nmd').hits).toEqual(new Set(['NMD']));
    expect(searchUnits(tree, '   ').hits.size).toBe(0);
  });

  it('lists units to choose from alphabetically, each with the unit above it', () => {
    const choices = unitChoices(tree);
    expect(choices[0]).toMatchObject({ code: 'E1', name: 'Aspenäs förskola', above: 'Lärande' });
    expect(choices.at(-1)?.name).toBe('Öjersjö förskola');
    expect(choices.find((c) => c.code === 'KF')?.above).toBe('');
  });

  it('lists a unit’s members with whoever answers for it first', () => {
    const members = sortMembers([
      { person: 'P3', name: 'Örjan Ek', role: 'employee', valid_from: '2020-01-01', valid_to: null },
      { person: 'P2', name: 'Ärla Berg', role: 'employee', valid_from: '2020-01-01', valid_to: null },
      { person: 'P1', name: 'Zara Ali', role: 'head', valid_from: '2020-01-01', valid_to: null },
    ]);
    expect(members.map((m) => m.name)).toEqual(['Zara Ali', 'Ärla Berg', 'Örjan Ek']);
  });
});

describe('people and memberships', () => {
  it('sorts people by family name in Swedish order, Å Ä Ö after Z', () => {
    const people = sortPeople([
      { code: 'P1', given_name: 'Åsa', family_name: 'Öberg' },
      { code: 'P2', given_name: 'Lars', family_name: 'Zetterberg' },
      { code: 'P3', given_name: 'Eva', family_name: 'Åberg' },
      { code: 'P4', given_name: 'Anna', family_name: 'Ek' },
      { code: 'P5', given_name: 'Adam', family_name: 'Ek' },
    ]);
    expect(people.map((p) => `${p.family_name}, ${p.given_name}`)).toEqual([
      'Ek, Adam',
      'Ek, Anna',
      'Zetterberg, Lars',
      'Åberg, Eva',
      'Öberg, Åsa',
    ]);
  });

  const m = (unit: string, valid_from: string, valid_to: string | null, unit_name = unit): PersonMembership => ({
    person: 'P1',
    unit,
    unit_name,
    role: 'employee',
    valid_from,
    valid_to,
  });

  it('tells a valid membership from one to come and one that has ended', () => {
    expect(membershipState(m('A', '2025-01-01', null), '2025-11-30')).toBe('current');
    expect(membershipState(m('A', '2025-01-01', '2025-11-30'), '2025-11-30')).toBe('current');
    expect(membershipState(m('A', '2025-12-01', null), '2025-11-30')).toBe('upcoming');
    expect(membershipState(m('A', '2024-01-01', '2025-11-29'), '2025-11-30')).toBe('ended');
  });

  it('lists valid memberships first, then those to come, then ended ones, latest first', () => {
    const sorted = sortMemberships(
      [
        m('OLD', '2020-01-01', '2021-12-31', 'Gamla enheten'),
        m('NEW', '2026-01-01', null, 'Nya enheten'),
        m('B', '2023-01-01', null, 'Östra skolan'),
        m('LATER', '2022-01-01', '2024-06-30', 'Senare'),
        m('A', '2023-01-01', null, 'Ängens skola'),
      ],
      '2025-11-30',
    );
    expect(sorted.map((x) => x.unit)).toEqual(['A', 'B', 'NEW', 'LATER', 'OLD']);
  });

  it('offers to end only memberships that have not ended', () => {
    expect(canEnd(m('A', '2020-01-01', null), '2025-11-30')).toBe(true);
    expect(canEnd(m('A', '2020-01-01', '2025-11-30'), '2025-11-30')).toBe(true);
    expect(canEnd(m('A', '2020-01-01', '2025-11-29'), '2025-11-30')).toBe(false);
  });

  it('checks codes and usernames as the API does', () => {
    expect(isPersonCode('P02700')).toBe(true);
    expect(isPersonCode('P 1')).toBe(false);
    expect(isPersonCode('P/1')).toBe(false);
    expect(isMachineName('viktor.aberg')).toBe(true);
    expect(isMachineName('Viktor')).toBe(false);
    expect(isMachineName('x')).toBe(false);
  });

  it('suggests a username without Swedish letters', () => {
    expect(suggestUsername('Viktor', 'Åberg')).toBe('viktor.aberg');
    expect(suggestUsername('Örjan', 'Ärlig-Öst')).toBe('orjan.arlig-ost');
    expect(suggestUsername('Anna Maria', 'Lindqvist')).toBe('anna-maria.lindqvist');
    expect(isMachineName(suggestUsername('Zoë', 'Müller'))).toBe(true);
  });

  it('makes passwords long enough, without look-alike characters', () => {
    let next = 0;
    const password = generatePassword(16, (buffer) => buffer.map(() => next++));
    expect(password).toHaveLength(16);
    expect(password).not.toMatch(/[0O1lI]/);
    expect(generatePassword()).toHaveLength(16);
  });

  it('reads every page of accounts', async () => {
    const accounts: Account[] = Array.from({ length: 1001 }, (_, i) => ({ username: `u${i}`, person: `P${i}`, administrator: false, created_at: '' }));
    const asked = servePagedList(accounts);
    try {
      const all = await allAccounts();
      expect(all.map((a) => a.username)).toEqual(accounts.map((a) => a.username));
      expect(asked).toHaveLength(3);
      expect(asked[0]).toBe('/api/v1/accounts?per_page=500&page=1');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('form errors from the API', () => {
  it('puts each problem at its field, in the UI’s words where it has them', () => {
    const error = new ApiError(422, 'rule_broken', 'breaks 2 rules', 'memberships[2848].unit', [
      { where: 'memberships[2848].unit', rule: 'integrity', message: 'the unit NOPE does not exist' },
      { where: 'memberships[2848].valid_to', rule: 'integrity', message: 'valid_to is before valid_from' },
    ]);
    const errors = formErrors(error, { unit: 'f-unit', valid_to: 'f-to' }, (field) => (field === 'valid_to' ? 'Sista dagen före den första' : null));
    expect(errors).toEqual([
      { field: 'f-unit', message: 'the unit NOPE does not exist' },
      { field: 'f-to', message: 'Sista dagen före den första' },
    ]);
  });

  it('keeps a problem without a known field for the summary', () => {
    const errors = formErrors(new ApiError(409, 'conflict', 'the username orjan is taken', 'username'), {});
    expect(errors).toEqual([{ field: '', message: 'the username orjan is taken' }]);
  });
});

describe('reading a CSV before it is imported', () => {
  it('takes the delimiter the header has more of, quotes, line breaks in quotes and blank rows', () => {
    const csv = parseCsv('\ufeffcode;name;kind\r\nKF;"Kommun; fullmäktige";council\r\n;;\r\n\r\nLAR;"Sektor\nLärande";sector\nX ; " kept " ;unit');
    expect(csv.delimiter).toBe(';');
    expect(csv.header).toEqual(['code', 'name', 'kind']);
    expect(csv.rows).toEqual([
      { line: 2, fields: ['KF', 'Kommun; fullmäktige', 'council'] },
      { line: 5, fields: ['LAR', 'Sektor\nLärande', 'sector'] },
      { line: 7, fields: ['X', ' kept ', 'unit'] },
    ]);
    expect(parseCsv('a,b\n"say ""hi""",2\n').rows[0].fields).toEqual(['say "hi"', '2']);
  });

  it('tells units from people by the columns only one of them has', () => {
    expect(detectKind(['code', 'name', 'kind', 'parent', 'valid_from', 'valid_to'])).toBe('units');
    expect(detectKind(['person', 'given_name', 'family_name', 'email', 'unit', 'role', 'valid_from', 'valid_to'])).toBe('people');
    expect(detectKind(['person', 'givenname', 'family_name'])).toBe('people');
    expect(detectKind(['foo', 'bar'])).toBeNull();
  });

  it('counts people and memberships, and names missing and unknown columns', () => {
    const preview = previewCsv(
      'person,given_name,family_name,email,unit,role,valid_from,valid_to\nP1,Åsa,Öberg,,LAR,head,2022-03-01,\nP1,Åsa,Öberg,,KS,member,2023-01-01,\nP2,Lars,Ek,,,,,\n',
    );
    expect(preview).toMatchObject({ kind: 'people', people: 2, memberships: 2, missing: [], unknown: [] });
    const broken = previewCsv('code;nmae;kind;parent;valid_from\nKF;x;council;;1971-01-01\n');
    expect(broken.kind).toBe('units');
    expect(broken.missing).toEqual(['name', 'valid_to']);
    expect(broken.unknown).toEqual(['nmae']);
  });

  it('recognises the whole organisation’s JSON', () => {
    expect(looksLikeJson('\ufeff  {"format":"styr-organisation"}')).toBe(true);
    expect(looksLikeJson('code;name')).toBe(false);
  });
});

describe('why an import was refused', () => {
  const units = previewCsv('code;name;kind;parent;valid_from;valid_to\nA;A;unit;KS;2026-01-01;\n\nB;B;unit;NOPE;2026-01-01;\n');

  it('keeps the line and column of reading problems', () => {
    const error = new ApiError(400, 'invalid_input', 'the request body has 1 problem', null, [
      { where: 'body line 4, column kind', rule: '', message: 'unknown value "sektor"' },
      { where: 'body line 1', rule: '', message: 'missing column "kind"' },
    ]);
    expect(importProblems(error, units, 'units').map((p) => [p.line, p.column])).toEqual([
      [4, 'kind'],
      [1, null],
    ]);
  });

  it('leads a record named by its place in the import back to its line', () => {
    const error = new ApiError(422, 'rule_broken', 'the import breaks 1 rule', null, [
      { where: 'units[1].parent', rule: 'integrity', message: 'unit B: the parent unit NOPE does not exist' },
    ]);
    expect(importProblems(error, units, 'units')[0]).toMatchObject({ line: 4, column: 'parent', record: 'B', rule: 'integrity' });
  });

  it('does not trust an index that counts the organisation’s memberships, but the record the message names', () => {
    const people = previewCsv(
      'person,given_name,family_name,email,unit,role,valid_from,valid_to\nP1,A,B,,LAR,employee,2026-01-01,\nP2,C,D,,NOPE,head,2026-01-01,\n',
    );
    const error = new ApiError(422, 'rule_broken', 'breaks 1 rule', null, [
      { where: 'memberships[0].unit', rule: 'integrity', message: 'membership P2 head of NOPE: the unit NOPE does not exist' },
      { where: 'memberships[2848].unit', rule: 'integrity', message: 'membership P9 head of X: the unit X does not exist' },
    ]);
    const [named, unknown] = importProblems(error, people, 'people');
    expect(named).toMatchObject({ line: 3, column: 'unit', record: 'P2' });
    expect(unknown).toMatchObject({ line: null, column: 'unit', record: null, where: 'memberships[2848].unit' });
  });

  it('names the person column for a person that exists already', () => {
    const people = previewCsv('person,given_name,family_name,email,unit,role,valid_from,valid_to\nP1,A,B,,,,,\nP00013,Viktor,Åberg,,,,,\n');
    const error = new ApiError(409, 'conflict', '1 of the imported records exist already', null, [
      { where: 'people[1].code', rule: '', message: 'the person P00013 exists already in 1441' },
    ]);
    expect(importProblems(error, people, 'people')[0]).toMatchObject({ line: 3, column: 'person', record: 'P00013' });
  });

  it('reports an answer without details as one problem with the whole file', () => {
    const error = new ApiError(400, 'invalid_input', 'the CSV has a header but no rows; nothing was written');
    expect(importProblems(error, null, 'units')).toEqual([
      { line: null, column: null, record: null, where: '', rule: '', message: 'the CSV has a header but no rows; nothing was written' },
    ]);
  });
});

describe('the catalogues of administration and the accessibility statement', () => {
  it('have the same keys in Swedish and English, each under its own prefix', () => {
    for (const [area, prefix] of [
      [adminMessages, 'admin.'],
      [accessibilityMessages, 'accessibility.'],
    ] as const) {
      expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.sv).sort());
      for (const key of Object.keys(area.sv)) expect(key.startsWith(prefix)).toBe(true);
      for (const text of [...Object.values(area.sv), ...Object.values(area.en)]) expect(text.trim()).not.toBe('');
    }
  });

  it('name Digg as the enforcement body in both languages', () => {
    expect(accessibilityMessages.sv['accessibility.enforcement']).toMatch(/Myndigheten för digital förvaltning/);
    expect(accessibilityMessages.en['accessibility.enforcementLink']).toMatch(/Digg/);
  });
});
