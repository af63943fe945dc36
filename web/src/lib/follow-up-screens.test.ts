// The occasion's overview shows units x goals as a real table that says every cell in words;
// the report-back screen offers exactly the steps the API allows, and writing, submitting and
// returning behave as a user expects.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ReportBack from '../screens/ReportBack.svelte';
import Occasion from '../screens/Occasion.svelte';
import type { ReportBack as ReportBackData, Step } from './follow-up';
import { forgetServerDay } from './server-day';
import { annualReport2025 } from '../test-data';

function reportBack(state: ReportBackData['state'], actions: Step[]): ReportBackData {
  const written = state !== 'missing';
  return {
    occasion: annualReport2025,
    recipient: { kind: 'unit', code: 'LAR-E01', name: 'Grundskola Aspenäs' },
    in_scope: true,
    level: 'unit',
    deadline: '2026-03-20',
    state,
    late: false,
    submitted_on: state === 'submitted' ? '2025-11-30' : null,
    newest_version: written ? 1 : 0,
    revision: written ? 2 : null,
    approving_unit: { code: 'SEK-LAR', name: 'Lärande' },
    writers: [{ code: 'P13', name: 'Viktor Åberg' }],
    versions: written
      ? [
          {
            version: 1,
            status: state === 'submitted' ? 'submitted' : 'draft',
            written_by: { code: 'P13', name: 'Viktor Åberg' },
            updated_at: '2025-11-30T09:00:00Z',
            submitted_by: state === 'submitted' ? { code: 'P13', name: 'Viktor Åberg' } : null,
            submitted_at: state === 'submitted' ? '2025-11-30T10:00:00Z' : null,
            decided_by: null,
            decided_at: null,
            return_reason: null,
            revision: 2,
          },
        ]
      : [],
    version: null,
    items: ['Stärk läsförmågan', 'Håll budgeten'].map((title, i) => ({
      item: { code: `U${i + 1}`, kind: 'assignment', title, issuer: 'SEK-LAR', issuer_name: 'Lärande', recipient: 'LAR-E01', status: 'acknowledged' },
      in_scope: true,
      assessment: written ? { assessment: 'fulfilled', trend: 'better', analysis: '', actions: [] } : null,
      derived_status: { fulfilled: 0, partly_fulfilled: 0, not_fulfilled: 0, cannot_be_assessed: 0, not_assessed: 0, items: 0, worst: null },
      below: [],
    })),
    hidden_below: 0,
    topics: [{ topic: 'finances', text: written ? 'I balans.' : '' }],
    indicator_values: [],
    actions,
    deviations: [],
  };
}

type Call = { method: string; url: string; body: unknown; ifMatch: string | null };
let calls: Call[] = [];
let answers: Record<string, (call: Call) => { status: number; body: unknown }> = {};

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

beforeEach(() => {
  calls = [];
  answers = {};
  forgetServerDay();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      const call: Call = {
        method: init.method ?? 'GET',
        url: String(input),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        ifMatch: headers['If-Match'] ?? null,
      };
      calls.push(call);
      const path = call.url.replace(/^\/api\/v1/, '');
      const key = `${call.method} ${path}`;
      if (answers[key]) {
        const answer = answers[key](call);
        return json(answer.status, answer.body);
      }
      if (path.startsWith('/items/')) return json(200, { follow_up: { indicators: [] } });
      if (path === '/indicators') return json(200, { indicators: [] });
      if (path.startsWith('/units')) return json(200, { as_of: '2025-11-30', memberships: [{ person: 'P22', name: 'Wilma Sandberg' }] });
      return json(404, { error: { code: 'not_found', message: 'not found' } });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const base = '/occasions/2025-AR/report-backs/LAR-E01';
const props = { params: { occasion: '2025-AR', recipient: 'LAR-E01' }, query: new URLSearchParams() };

describe('the report-back screen', () => {
  it('lets the writer assess every item and submit, though nothing is saved yet', async () => {
    answers[`GET ${base}`] = () => ({ status: 200, body: reportBack('missing', ['save']) });
    render(ReportBack, { props });
    await screen.findByRole('heading', { level: 1, name: 'Grundskola Aspenäs: Årsredovisning 2025' });
    const items = await screen.findAllByRole('group', { name: /Stärk läsförmågan|Håll budgeten/ });
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByLabelText('Uppfyllt')).toBeTruthy();
    expect(within(items[0]).getByLabelText('Delvis uppfyllt')).toBeTruthy();
    expect(within(items[0]).getByLabelText('Sämre')).toBeTruthy();
    expect(screen.getByLabelText(/Ekonomi/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Spara utkast' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Skicka in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Godkänn' })).toBeNull();
  });

  it('saves, then submits what was saved, each step on the revision it read', async () => {
    answers[`GET ${base}`] = () => ({ status: 200, body: reportBack('missing', ['save']) });
    answers[`PUT ${base}`] = () => ({ status: 201, body: { ...reportBack('draft', ['save', 'submit']), revision: 1 } });
    answers[`POST ${base}/submit`] = () => ({ status: 200, body: reportBack('submitted', []) });
    render(ReportBack, { props });
    const items = await screen.findAllByRole('group', { name: /Stärk läsförmågan|Håll budgeten/ });
    for (const item of items) {
      await fireEvent.click(within(item).getByLabelText('Uppfyllt'));
      await fireEvent.click(within(item).getByLabelText('Oförändrat'));
    }
    await fireEvent.input(screen.getByLabelText(/Ekonomi/), { target: { value: 'Budgeten är i balans.' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Skicka in' }));
    await screen.findByText('Återrapporteringen är inskickad till Lärande.');
    const changes = calls.filter((c) => c.method !== 'GET');
    expect(changes.map((c) => [c.method, c.url.replace('/api/v1', ''), c.ifMatch])).toEqual([
      ['PUT', base, null],
      ['POST', `${base}/submit`, '"1"'],
    ]);
    expect(changes[0].body).toMatchObject({
      assessments: [
        { item: 'U1', assessment: 'fulfilled', trend: 'unchanged' },
        { item: 'U2', assessment: 'fulfilled', trend: 'unchanged' },
      ],
      topics: [{ topic: 'finances', text: 'Budgeten är i balans.' }],
    });
    // Submitted: the form is gone, the answer shown.
    expect(screen.queryByRole('button', { name: 'Skicka in' })).toBeNull();
  });

  it('shows the API’s objections at their fields when submitting fails', async () => {
    answers[`GET ${base}`] = () => ({ status: 200, body: reportBack('draft', ['save', 'submit']) });
    answers[`PUT ${base}`] = () => ({ status: 200, body: reportBack('draft', ['save', 'submit']) });
    answers[`POST ${base}/submit`] = () => ({
      status: 422,
      body: {
        error: {
          code: 'rule_broken',
          message: 'breaks 1 rule',
          field: 'topics[0].text',
          details: [{ where: 'topics[0].text', rule: 'L13', message: 'the text on finances is empty' }],
        },
      },
    });
    render(ReportBack, { props });
    await fireEvent.click(await screen.findByRole('button', { name: 'Skicka in' }));
    const summary = await screen.findByText('Formuläret har 1 fel:');
    expect(summary).toBeTruthy();
    const field = screen.getByLabelText(/Ekonomi/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = field.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('Ekonomi: skriv en text om läget.');
    expect(screen.getByText(/Utkastet är sparat, men kunde inte skickas in/)).toBeTruthy();
  });

  it('offers the level above approval and return, and asks why before returning', async () => {
    answers[`GET ${base}`] = () => ({ status: 200, body: { ...reportBack('submitted', ['approve', 'return']), version: reportBack('submitted', []).versions[0] } });
    answers[`POST ${base}/return`] = (call) => ({
      status: 200,
      body: { ...reportBack('returned', []), versions: [{ ...reportBack('submitted', []).versions[0], status: 'returned', return_reason: (call.body as { reason: string }).reason }] },
    });
    render(ReportBack, { props });
    await screen.findByRole('button', { name: 'Godkänn' });
    expect(screen.queryByRole('button', { name: 'Spara utkast' })).toBeNull();
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    await fireEvent.click(screen.getByRole('button', { name: 'Returnera' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Returnera för komplettering' }));
    const reason = screen.getByLabelText('Motivering');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.url.endsWith('/return'))).toBe(false);
    await fireEvent.input(reason, { target: { value: 'Analysen av budgeten saknas.' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Returnera för komplettering' }));
    await screen.findByText('Återrapporteringen är returnerad till Viktor Åberg.');
    const sent = calls.find((c) => c.url.endsWith('/return'));
    expect(sent?.body).toEqual({ reason: 'Analysen av budgeten saknas.' });
    expect(sent?.ifMatch).toBe('"2"');
    // The reason stands in the returned notice and in the version's row.
    expect(screen.getAllByText('Analysen av budgeten saknas.')).toHaveLength(2);
  });

  it('offers nothing to one who may only read', async () => {
    answers[`GET ${base}`] = () => ({ status: 200, body: { ...reportBack('submitted', []), version: reportBack('submitted', []).versions[0] } });
    render(ReportBack, { props });
    await screen.findByRole('heading', { level: 2, name: 'Mål och uppdrag' });
    expect(screen.queryByRole('button', { name: /Godkänn|Returnera|Skicka in|Spara utkast/ })).toBeNull();
    expect(screen.getByText('Väntar på beslut av Lärande.')).toBeTruthy();
  });
});

// The occasion's overview: units x the goals and assignments where the chain enters.
describe('the occasion overview’s matrix', () => {
  const occasion = (topics: string[]) => ({
    code: '2025-DELAR',
    name: 'Delårsrapport 2025',
    kind: 'interim_report',
    level: 'council',
    body: 'KF',
    body_name: 'Kommunfullmäktige',
    period_end: '2025-08-31',
    meeting: '2025-10-29',
    status: 'open',
    year: 2025,
    topics,
    deadlines: [{ level: 'unit', deadline: '2025-09-23' }],
    revision: 1,
  });
  const states = { missing: 0, draft: 0, submitted: 0, returned: 0, approved: 2, late: 0, total: 2 };
  const counts = { fulfilled: 1, partly_fulfilled: 1, not_fulfilled: 1, cannot_be_assessed: 0, unassessed: 1, total: 4 };
  const recipientRow = (code: string, name: string) => ({
    recipient: { kind: 'unit', code, name },
    unit: code,
    level: 'unit',
    deadline: '2025-09-23',
    state: 'approved',
    late: false,
    submitted_on: '2025-09-20',
    writers: [],
    newest_version: 1,
    items: 4,
    assessments: counts,
  });
  const overview = (withColumns: boolean) => ({
    occasion: occasion([]),
    today: '2025-11-30',
    scope: ['SEK-LAR'],
    report_backs: states,
    assessments: counts,
    missing: [],
    late: [],
    recipients: [recipientRow('SEK-LAR', 'Lärande'), recipientRow('LAR-E01', 'Grundskola Aspenäs'), recipientRow('LAR-E02', 'Grundskola Björkås')],
    units: [
      { unit: 'SEK-LAR', name: 'Lärande', parent: 'KD', in_scope: true, report_backs: states, assessments: counts },
      { unit: 'LAR-E01', name: 'Grundskola Aspenäs', parent: 'SEK-LAR', in_scope: true, report_backs: states, assessments: counts },
      { unit: 'LAR-E02', name: 'Grundskola Björkås', parent: 'SEK-LAR', in_scope: true, report_backs: states, assessments: counts },
    ],
    matrix: withColumns
      ? {
          columns: [
            { code: 'VOM-M01', title: 'Alla barn och elever ska nå kunskapsmålen', kind: 'goal', recipient: 'KS' },
            { code: 'VOM-M07', title: 'Kommunens ekonomi ska vara långsiktigt hållbar', kind: 'goal', recipient: 'KS' },
          ],
          rows: [
            { recipient: 'SEK-LAR', version: 1, readable: true, cells: { 'VOM-M01': [{ item: 'KD-U001', assessment: 'fulfilled' }] } },
            {
              recipient: 'LAR-E01',
              version: 2,
              readable: true,
              cells: {
                'VOM-M01': [
                  { item: 'LAR-U001', assessment: 'partly_fulfilled' },
                  { item: 'LAR-U021', assessment: 'not_fulfilled' },
                  { item: 'LAR-U022', assessment: 'fulfilled' },
                ],
                'VOM-M07': [{ item: 'LAR-U172', assessment: null }],
              },
            },
            { recipient: 'LAR-E02', version: 1, readable: false, cells: { 'VOM-M07': [{ item: 'LAR-U173', assessment: null }] } },
          ],
        }
      : { columns: [], rows: [] },
  });
  const props = { params: { occasion: '2025-DELAR' }, query: new URLSearchParams() };

  it('has a column per goal, named by code and title, and a cell per unit', async () => {
    answers['GET /occasions/2025-DELAR'] = () => ({ status: 200, body: occasion(['finances']) });
    answers['GET /occasions/2025-DELAR/overview'] = () => ({ status: 200, body: overview(true) });
    render(Occasion, { props });
    const table = await screen.findByRole('table', { name: 'Bedömningar per enhet och mål eller uppdrag, Delårsrapport 2025' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toEqual([
      'Enhet eller person',
      'Läge',
      'VOM-M01: Alla barn och elever ska nå kunskapsmålen',
      'VOM-M07: Kommunens ekonomi ska vara långsiktigt hållbar',
      'Summa: alla radens mål och uppdrag',
    ]);
    // The toggle's arrow is hidden from screen readers; its words name the rows it shows.
    const rowHeaders = within(table).getAllByRole('rowheader').map((h) => h.textContent?.replace(/[▾▸]/g, '').replace(/\s+/g, ' ').trim());
    expect(rowHeaders).toEqual(['Under Lärande Lärande', 'Grundskola Aspenäs', 'Grundskola Björkås', 'Alla rader: summa per kolumn för alla rader ovan, även de hopfällda']);
    expect(within(table).getByRole('link', { name: 'Grundskola Aspenäs' }).getAttribute('href')).toBe('/uppfoljning/2025-DELAR/LAR-E01');
  });

  it('shows the worst of several items with +n, every item for a screen reader, and says what is not assessed, hidden or absent', async () => {
    answers['GET /occasions/2025-DELAR'] = () => ({ status: 200, body: occasion(['finances']) });
    answers['GET /occasions/2025-DELAR/overview'] = () => ({ status: 200, body: overview(true) });
    render(Occasion, { props });
    const table = await screen.findByRole('table', { name: /Bedömningar per enhet/ });
    const aspenas = within(table).getByRole('link', { name: 'Grundskola Aspenäs' }).closest('tr')!;
    const [m01, m07] = within(aspenas).getAllByRole('cell').slice(1);
    expect(m01.textContent).toContain('Ej uppfyllt');
    expect(m01.textContent).toContain('+2');
    expect(within(m01).getByText('Ej uppfyllt som sämst av 3: LAR-U001: Delvis uppfyllt; LAR-U021: Ej uppfyllt; LAR-U022: Uppfyllt').className).toBe(
      'visually-hidden',
    );
    expect(m07.textContent?.trim()).toBe('…Ej bedömt');
    const bjorkas = within(table).getByRole('link', { name: 'Grundskola Björkås' }).closest('tr')!;
    const [none, hidden] = within(bjorkas).getAllByRole('cell').slice(1);
    expect(none.textContent).toBe('–Inget mål eller uppdrag under den här kolumnen');
    expect(hidden.textContent).toContain('Dold: du får inte läsa återrapporteringen (1 st.)');
    // The legend explains the hidden marker only when one is shown.
    expect(screen.getByRole('list', { name: 'Teckenförklaring' }).textContent).toContain('Dold: du får inte läsa den återrapporteringen.');
  });

  it('says plainly when the occasion takes up only topics, and shows where each report-back stands', async () => {
    answers['GET /occasions/2025-DELAR'] = () => ({ status: 200, body: occasion(['finances', 'staff']) });
    answers['GET /occasions/2025-DELAR/overview'] = () => ({ status: 200, body: overview(false) });
    render(Occasion, { props });
    await screen.findByRole('heading', { level: 2, name: 'Läget per enhet' });
    expect(screen.getByText('Tillfället tar inte upp några mål eller uppdrag, bara ämnena: Ekonomi, Personal. Tabellen visar läget för varje återrapportering.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Läget för varje återrapportering, Delårsrapport 2025' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim())).toEqual(['Enhet eller person', 'Läge', 'Sista dag', 'Inskickad']);
    expect(screen.queryByRole('list', { name: 'Teckenförklaring' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Bedömningar av mål och uppdrag' })).toBeNull();
  });
});
