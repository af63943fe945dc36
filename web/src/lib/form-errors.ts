// The API's refusals at a form's fields. An error names what is wrong by paths into the
// request's body (`field`, `details[].where`: "$.assessments[2].item", "items[3].title",
// "memberships[12].valid_to"); a form shows each message at the control it is about and all
// of them in its ErrorSummary. What every form needs is here; what a message says in the
// UI's words, and which control a nested path is, stays with the form's area.
import type { ApiError, ErrorDetail } from './api';

/** A message at a form: `field` is the control it is about (its id, or the key the form
 * looks its messages up by); '' for the form as a whole. */
export interface FieldError {
  field: string;
  message: string;
}

/** The path a `where` names in the request's body, without the JSONPath root the API writes
 * on some ("$.assessments[2].item" is "assessments[2].item"). */
export function bodyPath(where: string | null | undefined): string {
  if (!where) return '';
  return where.startsWith('$.') ? where.slice(2) : where.startsWith('$') ? where.slice(1) : where;
}

/** The path's first name: "affected_items[0]" and "rules[2].hours" are affected_items and
 * rules. */
export function firstName(path: string): string {
  return bodyPath(path).replace(/[.[].*$/, '');
}

/** The path's last name: "memberships[12].valid_to" is valid_to, "roles[0]" roles. */
export function lastName(path: string): string {
  const last = bodyPath(path).split('.').pop() ?? '';
  return last.replace(/\[\d+\]$/, '');
}

/** What an error names as wrong, paths read as body paths: its details, or without any, the
 * error itself at its `field`. */
export function apiProblems(error: ApiError): ErrorDetail[] {
  const details = error.details.length > 0 ? error.details : [{ where: error.field ?? '', rule: '', message: error.message }];
  return details.map((detail) => ({ where: bodyPath(detail.where), rule: detail.rule ?? '', message: detail.message }));
}

/** The messages of an error about `name` or anything under it ("reason", "affected_items"
 * for "affected_items[0]"), the error's own message first when its field is `name`. */
export function messagesUnder(error: ApiError, name: string): string[] {
  const out: string[] = [];
  if (error.field !== null && bodyPath(error.field) === name) out.push(error.message);
  for (const detail of error.details) {
    const where = bodyPath(detail.where);
    if (where === name || where.startsWith(`${name}.`) || where.startsWith(`${name}[`)) out.push(detail.message);
  }
  return out;
}

/** Each message once at each field, in the order first given. */
export function uniqueErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.field}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The messages at one field. */
export function messagesAt(errors: readonly FieldError[], field: string): string[] {
  return errors.filter((error) => error.field === field).map((error) => error.message);
}

/** The messages of a flat form's fields, by the first name of each path: `ids` gives the
 * control of each name the form has; names it lacks are left out (the caller shows the
 * error as a whole when nothing is left). */
export function errorsByName(error: ApiError, ids: Record<string, string>): FieldError[] {
  const names = new Set([error.field, ...error.details.map((detail) => detail.where)].map((where) => firstName(where ?? '')).filter(Boolean));
  const out: FieldError[] = [];
  for (const name of names) {
    const field = ids[name];
    if (field) for (const message of messagesUnder(error, name)) out.push({ field, message });
  }
  return out;
}
