// The one way the UI talks to Styr's API (/api/v1): JSON in and out, the session cookie sent
// by the browser, the CSRF token on every change, and errors in the API's one shape.
import type { Page } from './api-types';

export interface ErrorDetail {
  where: string;
  rule?: string;
  message: string;
}

/** An answer that was not 2xx: {"error":{"code","message","field","details"}}; lib/form-errors
 * puts its messages at a form's fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** The header a change must carry, for requests made without request() (an upload with
 * progress through XMLHttpRequest). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

/** Called when a request other than the session's own finds the session gone. */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  /** The revision (ETag) the change is based on; a stale one gets 409. */
  ifMatch?: string;
  signal?: AbortSignal;
}

/** The error an answer's status and body say ({"error":{...}}; a body that is no JSON error
 * leaves the status's own words). */
export function errorFromBody(status: number, statusText: string, body: unknown): ApiError {
  const error = (body as { error?: { code?: string; message?: string; field?: string | null; details?: ErrorDetail[] } } | null)?.error;
  if (!error) return new ApiError(status, 'error', statusText || `HTTP ${status}`);
  return new ApiError(status, error.code ?? 'error', error.message ?? (statusText || `HTTP ${status}`), error.field ?? null, error.details ?? []);
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  return errorFromBody(response.status, response.statusText, body);
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) {
    const error = await errorOf(response);
    if (response.status === 401 && !path.startsWith('/session')) onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options);
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, body ?? {}, options);
export const put = <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options);
export const patch = <T>(path: string, body: unknown, options?: RequestOptions) =>
  request<T>('PATCH', path, body, options);
export const del = <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options);

/** "?a=1&b=x" from the defined, non-empty values. */
export function query(parameters: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A path segment: codes may hold characters a URL reserves. */
export const seg = (value: string) => encodeURIComponent(value);

const PER_PAGE = 500;

/** Every entry of a paged list (the API gives at most 500 a page): the first page says how
 * many there are, the rest are asked for together. */
export async function fetchAllPages<T>(
  path: string,
  parameters: Record<string, string | number | boolean | null | undefined> = {},
  options: RequestOptions = {},
): Promise<T[]> {
  const pageOf = (page: number) => get<Page<T>>(`${path}${query({ ...parameters, per_page: PER_PAGE, page })}`, options);
  const first = await pageOf(1);
  const pages = Math.ceil(first.total / PER_PAGE);
  if (pages <= 1 || first.items.length === 0) return first.items;
  const rest = await Promise.all(Array.from({ length: pages - 1 }, (_, i) => pageOf(i + 2)));
  return [first.items, ...rest.map((page) => page.items)].flat();
}
