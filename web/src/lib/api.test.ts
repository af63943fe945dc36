import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorFromBody, fetchAllPages } from './api';
import { servePagedList } from '../test-fetch';

const entries = (count: number) => Array.from({ length: count }, (_, i) => `${Math.floor(i / 500) + 1}-${i % 500}`);

describe('fetchAllPages', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for every page and joins them in order', async () => {
    const asked = servePagedList(entries(1001));
    const all = await fetchAllPages<string>('/items', { year: 2025 });
    expect(all).toHaveLength(1001);
    expect(all[500]).toBe('2-0');
    expect(all[1000]).toBe('3-0');
    expect(asked).toHaveLength(3);
    expect(asked[0]).toBe('/api/v1/items?year=2025&per_page=500&page=1');
  });

  it('asks once for a list that fits a page, leaving out parameters without a value', async () => {
    const asked = servePagedList(entries(2));
    expect(await fetchAllPages<string>('/occasions/2025-AR/report-backs', { state: undefined })).toEqual(['1-0', '1-1']);
    expect(asked).toEqual(['/api/v1/occasions/2025-AR/report-backs?per_page=500&page=1']);
  });
});

describe('errors', () => {
  it('reads the API’s error body, and says the status where there is none', () => {
    const error = errorFromBody(422, 'Unprocessable', { error: { code: 'rule_broken', message: 'breaks D4', field: 'follow_up', details: [{ where: 'follow_up', rule: 'D4', message: 'no follow-up' }] } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'rule_broken', message: 'breaks D4', field: 'follow_up' });
    expect(error.details).toHaveLength(1);
    expect(errorFromBody(502, 'Bad Gateway', null)).toMatchObject({ status: 502, code: 'error', message: 'Bad Gateway' });
    expect(errorFromBody(500, '', 'oops').message).toBe('HTTP 500');
  });
});
