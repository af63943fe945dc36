// The administration screens as a user meets them: what each role is offered and told, and
// the steps that must not be taken by mistake (a token's secret, revoking).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { session, type SessionInfo } from './session.svelte';
import Admin from '../screens/Admin.svelte';
import AdminImport from '../screens/AdminImport.svelte';
import AdminTokens from '../screens/AdminTokens.svelte';
import Accessibility from '../screens/Accessibility.svelte';
import ImportProblems from '../components/admin/ImportProblems.svelte';

const props = { params: {}, query: new URLSearchParams() };

function signIn(memberships: { role: string; unit: string }[], administrator = false) {
  const info: SessionInfo = {
    username: administrator ? 'admin' : 'controller',
    name: 'Test',
    person: 'P1',
    organisation: '1441',
    administrator,
    memberships,
    csrf_token: 'token',
  };
  session.current = info;
}

type Answer = { status: number; body: unknown };

function answering(routes: Record<string, Answer | ((init?: RequestInit) => Answer)>) {
  const calls: { method: string; path: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = input.replace('/api/v1', '');
      calls.push({ method, path });
      const route = routes[`${method} ${path}`];
      const answer = typeof route === 'function' ? route(init) : route ?? { status: 404, body: { error: { code: 'not_found', message: 'no', field: null, details: [] } } };
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

beforeEach(() => {
  session.current = null;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the administration index', () => {
  it('shows an administrator people and tokens but not the import, and says who imports', () => {
    signIn([{ role: 'administrator', unit: 'INT' }], true);
    render(Admin, props);
    const links = screen.getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual(['Enheter', 'Personer', 'API-nycklar']);
    expect(screen.getByText(/Du är administratör/)).toBeTruthy();
    expect(screen.getByText(/Import av enheter och personer görs av en controller/)).toBeTruthy();
  });

  it('shows a controller the import', () => {
    signIn([{ role: 'controller', unit: 'KS' }]);
    render(Admin, props);
    expect(screen.getByRole('link', { name: 'Import' }).getAttribute('href')).toBe('/administration/import');
    expect(screen.getByText(/Du kan läsa alla personer. Ändringar görs av en administratör./)).toBeTruthy();
  });
});

describe('the import', () => {
  it('explains to an administrator why importing is a controller’s task, and offers no upload', () => {
    signIn([{ role: 'administrator', unit: 'INT' }], true);
    render(AdminImport, props);
    expect(screen.getByText('Import görs av en controller.')).toBeTruthy();
    expect(screen.getByText(/administrationen hålls åtskild från innehållet/)).toBeTruthy();
    expect(screen.queryByLabelText('CSV-fil')).toBeNull();
  });

  it('lists a refusal’s problems as where, rule and message', () => {
    render(ImportProblems, {
      problems: [
        { line: 3, column: 'kind', record: null, where: 'body line 3, column kind', rule: '', message: 'unknown value "sektor"' },
        { line: 4, column: 'parent', record: 'B', where: 'units[1].parent', rule: 'integrity', message: 'the parent unit NOPE does not exist' },
      ],
    });
    const table = screen.getByRole('table', { name: 'Fel i importen (2)' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      ['Rad 3, kolumn kind', '–', 'unknown value "sektor"'],
      ['Rad 4, kolumn parent Post B', 'integrity', 'the parent unit NOPE does not exist'],
    ]);
  });
});

describe('API tokens', () => {
  const token = { name: 'ekonomi', scopes: ['read', 'import'], created_by: 'controller', created_at: '2025-11-30T09:00:00Z', revoked_at: null };

  it('shows a new token’s secret once, with the warning, and forgets it when saved', async () => {
    signIn([{ role: 'controller', unit: 'KS' }]);
    answering({
      'GET /tokens': { status: 200, body: { tokens: [] } },
      'POST /tokens': { status: 201, body: { ...token, secret: 'abc123secret' } },
    });
    render(AdminTokens, props);
    await fireEvent.input(screen.getByLabelText(/^Namn/), { target: { value: 'ekonomi' } });
    await fireEvent.click(screen.getByLabelText('Läsa'));
    await fireEvent.click(screen.getByRole('button', { name: 'Skapa nyckel' }));
    const secret = (await screen.findByLabelText('Hemlig nyckel')) as HTMLInputElement;
    expect(secret.value).toBe('abc123secret');
    expect(screen.getByText(/Den visas bara den här gången/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Jag har sparat nyckeln' }));
    expect(screen.queryByLabelText('Hemlig nyckel')).toBeNull();
    expect(document.body.textContent).not.toContain('abc123secret');
  });

  it('asks for no scope-less token and names the missing parts', async () => {
    signIn([{ role: 'controller', unit: 'KS' }]);
    const calls = answering({ 'GET /tokens': { status: 200, body: { tokens: [] } } });
    render(AdminTokens, props);
    await fireEvent.click(screen.getByRole('button', { name: 'Skapa nyckel' }));
    const summary = await screen.findByText('Formuläret har 2 fel:');
    expect(summary).toBeTruthy();
    expect(screen.getByLabelText(/^Namn/).getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('revokes only after the confirmation', async () => {
    signIn([{ role: 'controller', unit: 'KS' }]);
    let revoked = false;
    const calls = answering({
      'GET /tokens': () => ({ status: 200, body: { tokens: [{ ...token, revoked_at: revoked ? '2025-11-30T10:00:00Z' : null }] } }),
      'DELETE /tokens/ekonomi': () => {
        revoked = true;
        return { status: 200, body: { ...token, revoked_at: '2025-11-30T10:00:00Z' } };
      },
    });
    render(AdminTokens, props);
    await fireEvent.click(await screen.findByRole('button', { name: /Återkalla/ }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    expect(screen.getByText('Återkalla nyckeln ekonomi?')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Ja, återkalla nyckeln' }));
    expect(await screen.findByText('Nyckeln ekonomi är återkallad.')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
    await vi.waitFor(() => expect(document.querySelector('.status')?.textContent).toContain('Återkallad'));
  });
});

describe('the accessibility statement', () => {
  it('follows Digg’s structure, links to Digg’s report form and gives its date', () => {
    render(Accessibility, props);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Vad redogörelsen gäller',
      'Hur tillgänglig är tjänsten?',
      'Vad kan du göra om du inte kan använda delar av tjänsten?',
      'Rapportera brister i tjänstens tillgänglighet',
      'Tillsyn',
      'Teknisk information om tjänstens tillgänglighet',
      'Hur vi testat tjänsten',
      'Om redogörelsen',
    ]);
    expect(screen.getByRole('link', { name: 'Anmäl bristande tillgänglighet till Digg' }).getAttribute('href')).toBe('https://www.digg.se/tdosanmalan');
    expect(screen.getByText(/Kontakta den kommun eller region som driver tjänsten/)).toBeTruthy();
    expect(screen.getByText(/upprättades 2026-11-27/)).toBeTruthy();
    expect(screen.getAllByText(/delvis förenlig/).length).toBeGreaterThan(0);
  });
});
