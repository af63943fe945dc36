// Administration: the API shapes of people, memberships, accounts, tokens and imports (the
// units' are in api-types), who may do what there (docs/permissions.md, as far as the session tells it), and the logic
// of its screens that is worth testing apart from them.
import { ApiError, csrfHeaders, errorFromBody, fetchAllPages } from './api';
import type { Role, UnitKind, UnitMember, UnitNode } from './api-types';
import { compareSv } from './format';
import { apiProblems, lastName, uniqueErrors, type FieldError } from './form-errors';
import type { SessionInfo } from './session.svelte';

export const ROLES: Role[] = ['head', 'employee', 'chair', 'member', 'substitute', 'controller', 'administrator'];

/** ApiToken.scopes[]. */
export type Scope = 'read' | 'write_content' | 'import' | 'administer';
export const SCOPES: Scope[] = ['read', 'write_content', 'import', 'administer'];

export interface PersonMembership {
  person: string;
  unit: string;
  role: Role;
  valid_from: string;
  valid_to: string | null;
  person_name?: string;
  unit_name?: string;
  current?: boolean;
}

export interface Person {
  code: string;
  given_name: string;
  family_name: string;
  email: string;
  memberships?: PersonMembership[];
}

export interface Account {
  username: string;
  person: string | null;
  administrator: boolean;
  created_at: string;
}

export interface ApiToken {
  name: string;
  scopes: Scope[];
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

export interface CreatedApiToken extends ApiToken {
  secret: string;
}

export interface ImportReport {
  organisation: string;
  records: number;
  audit_entries: number;
}

// ---- Who may do what

export interface AdminRights {
  /** manage_memberships, manage_accounts, everyone's tokens. */
  administrator: boolean;
  /** import_data, export_data, reads every person. */
  controller: boolean;
  /** Reads the people of the units they head and below. */
  head: boolean;
}

export function rightsOf(info: SessionInfo | null): AdminRights {
  const memberships = info?.memberships ?? [];
  return {
    // The table's "administrator (flag or membership)".
    administrator: (info?.administrator ?? false) || memberships.some((m) => m.role === 'administrator'),
    controller: memberships.some((m) => m.role === 'controller'),
    head: memberships.some((m) => m.role === 'head'),
  };
}

/** How much of the directory of people the caller reads (read_people). */
export function peopleReach(rights: AdminRights): 'everyone' | 'subtree' | 'self' {
  if (rights.administrator || rights.controller) return 'everyone';
  if (rights.head) return 'subtree';
  return 'self';
}

export type AdminScreenId = 'units' | 'people' | 'import' | 'tokens';

export interface AdminScreen {
  id: AdminScreenId;
  href: string;
}

/** The administration screens the caller has a use for, in the order the index lists them. */
export function screensFor(rights: AdminRights): AdminScreen[] {
  const screens: AdminScreen[] = [
    { id: 'units', href: '/administration/enheter' },
    { id: 'people', href: '/administration/personer' },
  ];
  if (rights.controller) screens.push({ id: 'import', href: '/administration/import' });
  // Everyone signed in manages their own tokens; administrators everyone's.
  screens.push({ id: 'tokens', href: '/administration/nycklar' });
  return screens;
}

// ---- Units

/** Political bodies first, the executive board before the committees, then the administration. */
const kindRank: Record<UnitKind, number> = {
  council: 0,
  executive_board: 1,
  committee: 2,
  drafting_committee: 3,
  company: 4,
  chief_executive_office: 5,
  sector: 6,
  unit: 7,
  workplace: 8,
};

export function compareUnits(a: { kind: UnitKind; name: string; code: string }, b: typeof a): number {
  return kindRank[a.kind] - kindRank[b.kind] || compareSv(a.name, b.name) || compareSv(a.code, b.code);
}

/** A copy of the tree with every level sorted: kind, then name in Swedish order. */
export function sortTree(node: UnitNode): UnitNode {
  return {
    ...node,
    heads: [...node.heads].sort((a, b) => compareSv(a.name, b.name)),
    children: node.children.map(sortTree).sort(compareUnits),
  };
}

export function countUnits(node: UnitNode | null): number {
  if (!node) return 0;
  return 1 + node.children.reduce((sum, child) => sum + countUnits(child), 0);
}

export function allCodes(node: UnitNode | null, out: string[] = []): string[] {
  if (!node) return out;
  out.push(node.code);
  for (const child of node.children) allCodes(child, out);
  return out;
}

/** Codes of the units down to `depth` (the root is depth 0) that have children. */
export function openToDepth(node: UnitNode | null, depth: number, out = new Set<string>()): Set<string> {
  if (!node || depth < 0 || node.children.length === 0) return out;
  out.add(node.code);
  for (const child of node.children) openToDepth(child, depth - 1, out);
  return out;
}

/** Whether the unit had ended by `today` (valid_to is its last day). */
export function hasEnded(unit: { valid_to: string | null }, today: string): boolean {
  return unit.valid_to !== null && unit.valid_to < today;
}

export function hasNotStarted(unit: { valid_from: string }, today: string): boolean {
  return unit.valid_from > today;
}

export interface UnitSearch {
  /** Units whose name or code holds the text. */
  hits: Set<string>;
  /** Units to show: the hits and every unit above one. */
  shown: Set<string>;
  /** Units to open so that every hit can be seen. */
  open: Set<string>;
}

/** The units a search for `text` finds (name or code, any case), with the way down to each. */
export function searchUnits(root: UnitNode | null, text: string): UnitSearch {
  const result: UnitSearch = { hits: new Set(), shown: new Set(), open: new Set() };
  const needle = text.trim().toLocaleLowerCase('sv');
  if (!root || !needle) return result;
  const walk = (node: UnitNode, above: string[]): boolean => {
    let found = node.name.toLocaleLowerCase('sv').includes(needle) || node.code.toLocaleLowerCase('sv').includes(needle);
    if (found) result.hits.add(node.code);
    for (const child of node.children) {
      if (walk(child, [...above, node.code])) {
        found = true;
        result.open.add(node.code);
      }
    }
    if (found) result.shown.add(node.code);
    return found;
  };
  walk(root, []);
  return result;
}

export interface UnitChoice {
  code: string;
  name: string;
  kind: UnitKind;
  valid_from: string;
  valid_to: string | null;
  /** The names from the root down to the unit's parent, to tell units of the same name apart. */
  above: string;
}

/** Every unit as a flat list in Swedish order of names, for choosing one in a form. */
export function unitChoices(root: UnitNode | null): UnitChoice[] {
  const out: UnitChoice[] = [];
  const walk = (node: UnitNode, above: string[]) => {
    const { code, name, kind, valid_from, valid_to } = node;
    out.push({ code, name, kind, valid_from, valid_to, above: above.slice(-1).join('') });
    for (const child of node.children) walk(child, [...above, node.name]);
  };
  if (root) walk(root, []);
  return out.sort((a, b) => compareSv(a.name, b.name) || compareSv(a.code, b.code));
}

const roleRank: Record<Role, number> = { chair: 0, head: 1, substitute: 3, member: 2, controller: 4, employee: 5, administrator: 6 };

/** A unit's members: who answers for it first, then by name in Swedish order. */
export function sortMembers(members: readonly UnitMember[]): UnitMember[] {
  return [...members].sort((a, b) => roleRank[a.role] - roleRank[b.role] || compareSv(a.name, b.name) || compareSv(a.person, b.person));
}

// ---- People and memberships

export function personName(person: Pick<Person, 'given_name' | 'family_name'>): string {
  return `${person.given_name} ${person.family_name}`.trim();
}

/** By family name, then given name, in Swedish order (Å, Ä, Ö after Z). */
export function sortPeople<T extends Pick<Person, 'given_name' | 'family_name' | 'code'>>(people: readonly T[]): T[] {
  return [...people].sort(
    (a, b) => compareSv(a.family_name, b.family_name) || compareSv(a.given_name, b.given_name) || compareSv(a.code, b.code),
  );
}

export type MembershipState = 'current' | 'upcoming' | 'ended';

export function membershipState(m: Pick<PersonMembership, 'valid_from' | 'valid_to'>, today: string): MembershipState {
  if (m.valid_from > today) return 'upcoming';
  if (m.valid_to !== null && m.valid_to < today) return 'ended';
  return 'current';
}

const stateRank: Record<MembershipState, number> = { current: 0, upcoming: 1, ended: 2 };

/** Valid ones first, then those to come, then ended ones (latest first); by unit name within. */
export function sortMemberships(list: readonly PersonMembership[], today: string): PersonMembership[] {
  return [...list].sort((a, b) => {
    const sa = membershipState(a, today);
    const sb = membershipState(b, today);
    if (sa !== sb) return stateRank[sa] - stateRank[sb];
    if (sa === 'ended' && a.valid_to !== b.valid_to) return (b.valid_to ?? '').localeCompare(a.valid_to ?? '');
    return compareSv(a.unit_name ?? a.unit, b.unit_name ?? b.unit) || roleRank[a.role] - roleRank[b.role] || a.valid_from.localeCompare(b.valid_from);
  });
}

/** A membership can be ended (or ended sooner) while it has not already ended. */
export function canEnd(m: Pick<PersonMembership, 'valid_to'>, today: string): boolean {
  return m.valid_to === null || m.valid_to >= today;
}

/** Mirrors the API's rule for a person's code: no blanks and no '/'. */
export function isPersonCode(code: string): boolean {
  return code.length > 0 && !/[\s/]/.test(code);
}

/** Mirrors the API's rule for usernames and token names: 2 to 64 of a-z, 0-9, '.', '_', '-'. */
export function isMachineName(name: string): boolean {
  return /^[a-z0-9._-]{2,64}$/.test(name);
}

export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

/** "viktor.aberg" for Viktor Åberg: the letters a username may hold, Swedish ones unaccented. */
export function suggestUsername(given: string, family: string): string {
  const plain = (text: string) =>
    text
      .toLocaleLowerCase('sv')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/ß/g, 'ss')
      .replace(/\s+/g, '-')
      .replace(/[^a-z0-9._-]/g, '');
  const name = [plain(given), plain(family)].filter(Boolean).join('.');
  return name.slice(0, 64);
}

// Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.
const passwordAlphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password for a new account, from the browser's cryptographic generator. */
export function generatePassword(length = 16, random: (buffer: Uint32Array) => Uint32Array = (b) => crypto.getRandomValues(b)): string {
  const values = random(new Uint32Array(length));
  let out = '';
  for (const value of values) out += passwordAlphabet[value % passwordAlphabet.length];
  return out;
}

// ---- Form errors from the API

/**
 * The errors of a refused form, each on the control it concerns ('' when it concerns no one
 * field: the summary shows it). The field is the last name of the API's path
 * ("memberships[12].valid_to" is valid_to); `ids` maps such names to control ids; `localise`
 * may give a message of its own for a field and status (the API speaks English).
 */
export function formErrors(
  error: ApiError,
  ids: Record<string, string>,
  localise: (field: string, status: number) => string | null = () => null,
): FieldError[] {
  return uniqueErrors(
    apiProblems(error).map((problem) => {
      const name = lastName(problem.where);
      return { field: ids[name] ?? '', message: localise(name, error.status) ?? problem.message };
    }),
  );
}

// ---- Import

export type ImportKind = 'units' | 'people';

export const IMPORT_COLUMNS: Record<ImportKind, string[]> = {
  units: ['code', 'name', 'kind', 'parent', 'valid_from', 'valid_to'],
  people: ['person', 'given_name', 'family_name', 'email', 'unit', 'role', 'valid_from', 'valid_to'],
};

export interface CsvRow {
  /** The physical line the row starts on (the header is line 1). */
  line: number;
  fields: string[];
}

export interface CsvText {
  delimiter: ',' | ';';
  header: string[];
  rows: CsvRow[];
}

/**
 * Reads CSV as the server does (docs/exchange-format.md): `,` or `;`, whichever the header has
 * more of; quoted fields may hold delimiters, quotes and line breaks; blanks around unquoted
 * fields trimmed; rows with every field empty skipped. Lenient: this is a preview, the server
 * decides.
 */
export function parseCsv(text: string): CsvText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter: ',' | ';' = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let rowLine = 1;
  const endField = () => {
    fields.push(wasQuoted ? field : field.trim());
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    if (fields.some((f) => f !== '')) records.push({ line: rowLine, fields });
    fields = [];
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (wasQuoted && (c === ' ' || c === '\t')) {
      // Blanks between a closing quote and the delimiter are not part of the field.
    } else if (c === delimiter) {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (field !== '' || fields.length > 0 || wasQuoted) endRow();
  const [head, ...rows] = records;
  return { delimiter, header: head?.fields ?? [], rows: head ? rows : [] };
}

/** Units or people, by the columns only one of the two has, as `styr import` tells them apart. */
export function detectKind(header: readonly string[]): ImportKind | null {
  const only = { units: ['code', 'name', 'kind', 'parent'], people: ['person', 'given_name', 'family_name', 'email', 'unit', 'role'] };
  const score = (kind: ImportKind) => header.filter((column) => only[kind].includes(column)).length;
  const units = score('units');
  const people = score('people');
  if (units === 0 && people === 0) return null;
  return units >= people ? 'units' : 'people';
}

/** The whole organisation's JSON (the exchange format) rather than a CSV. */
export function looksLikeJson(text: string): boolean {
  const start = text.replace(/^\ufeff/, '').trimStart();
  return start.startsWith('{') || start.startsWith('[');
}

export interface CsvPreview extends CsvText {
  kind: ImportKind | null;
  /** Expected columns the header lacks, for the kind detected. */
  missing: string[];
  /** Header columns the kind does not know. */
  unknown: string[];
  /** People files: the distinct people and the memberships the rows hold. */
  people: number;
  memberships: number;
}

export function previewCsv(text: string): CsvPreview {
  const csv = parseCsv(text);
  const kind = detectKind(csv.header);
  const expected = kind ? IMPORT_COLUMNS[kind] : [];
  const missing = expected.filter((column) => !csv.header.includes(column));
  const unknown = kind ? csv.header.filter((column) => !expected.includes(column)) : [];
  let people = 0;
  let memberships = 0;
  if (kind === 'people') {
    const at = (name: string) => csv.header.indexOf(name);
    const seen = new Set<string>();
    for (const row of csv.rows) {
      seen.add(row.fields[at('person')] ?? '');
      if (['unit', 'role', 'valid_from'].some((c) => (row.fields[at(c)] ?? '') !== '')) memberships++;
    }
    people = seen.size;
  }
  return { ...csv, kind, missing, unknown, people, memberships };
}

export interface ImportProblem {
  /** The file's line, when the API's `where` leads to one. */
  line: number | null;
  /** The column (CSV) or field named. */
  column: string | null;
  /** The record the problem is about, when named by its place among the import's records. */
  record: string | null;
  /** The API's own `where`, kept for anything the above does not cover. */
  where: string;
  rule: string;
  message: string;
}

/**
 * The API's problems with an import, each led back to the line of the file where possible:
 * reading problems name "body line N, column X"; problems found after reading name the
 * record ("units[2].parent", "people[0].code", "memberships[1]") in the order the file holds
 * them.
 */
export function importProblems(error: ApiError, preview: CsvPreview | null, kind: ImportKind): ImportProblem[] {
  const details = apiProblems(error);
  const rows = preview?.rows ?? [];
  const header = preview?.header ?? [];
  const columnOf = (name: string) => header.indexOf(name);
  // The records in the order the server reads them from the rows.
  const unitRows = kind === 'units' ? rows : [];
  const personRows: CsvRow[] = [];
  const membershipRows: CsvRow[] = [];
  if (kind === 'people') {
    const seen = new Set<string>();
    for (const row of rows) {
      const person = row.fields[columnOf('person')] ?? '';
      if (!seen.has(person)) {
        seen.add(person);
        personRows.push(row);
      }
      if (['unit', 'role', 'valid_from'].some((c) => (row.fields[columnOf(c)] ?? '') !== '')) membershipRows.push(row);
    }
  }
  return details.map((detail) => {
    const problem: ImportProblem = { line: null, column: null, record: null, where: detail.where, rule: detail.rule ?? '', message: detail.message };
    const read = /^body line (\d+)(?:, column (.*))?$/.exec(detail.where);
    if (read) {
      problem.line = Number(read[1]);
      problem.column = read[2] ?? null;
      return problem;
    }
    const record = /^(units|people|memberships)\[(\d+)\](?:\.(\w+))?$/.exec(detail.where);
    if (record) {
      const [, collection, index, field] = record;
      const list = collection === 'units' ? unitRows : collection === 'people' ? personRows : membershipRows;
      // The index counts the import's records, except in some rule checks where it counts the
      // organisation's; the message names the record, so a row must agree with it to be named.
      const named = (candidate: CsvRow) => {
        const keyColumn = collection === 'units' ? 'code' : 'person';
        if (!mentions(detail.message, candidate.fields[columnOf(keyColumn)] ?? '')) return false;
        return collection !== 'memberships' || mentions(detail.message, candidate.fields[columnOf('unit')] ?? '');
      };
      let row: CsvRow | undefined = list[Number(index)];
      if (!row || !named(row)) row = list.find(named);
      problem.column = field === undefined ? null : collection === 'people' && field === 'code' ? 'person' : field;
      if (row) {
        problem.line = row.line;
        const keyColumn = collection === 'units' ? 'code' : 'person';
        problem.record = row.fields[columnOf(keyColumn)] ?? null;
      }
    }
    return problem;
  });
}

/** Whether `text` names `code` as a whole word (P0001 is not named by P00012). */
function mentions(text: string, code: string): boolean {
  if (!code) return false;
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_-])${escaped}($|[^A-Za-z0-9_-])`).test(text);
}

export interface UploadProgress {
  /** Bytes sent so far and in all; total 0 when the browser cannot tell. */
  loaded: number;
  total: number;
}

/**
 * Sends a CSV to POST /api/v1/import through XMLHttpRequest, whose upload events tell how far
 * the sending has come (fetch cannot). `onSent` is called when every byte is sent and the
 * server is checking.
 */
export function uploadImport(
  kind: ImportKind,
  file: Blob,
  onProgress: (progress: UploadProgress) => void,
  onSent: () => void,
): { done: Promise<ImportReport>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<ImportReport>((resolve, reject) => {
    xhr.open('POST', `/api/v1/import?kind=${kind}`);
    xhr.setRequestHeader('Content-Type', 'text/csv; charset=utf-8');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    xhr.upload.onload = () => onSent();
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as ImportReport);
        return;
      }
      reject(errorFromBody(xhr.status, xhr.statusText, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'aborted'));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/** Every account of the organisation (GET /accounts is paged; an organisation has few). */
export function allAccounts(): Promise<Account[]> {
  return fetchAllPages<Account>('/accounts');
}
