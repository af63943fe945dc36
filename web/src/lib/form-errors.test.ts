import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { apiProblems, bodyPath, errorsByName, firstName, lastName, messagesAt, messagesUnder, uniqueErrors } from './form-errors';

describe('the API’s paths into a request’s body', () => {
  it('reads paths with and without the JSONPath root', () => {
    expect(bodyPath('$.assessments[2].item')).toBe('assessments[2].item');
    expect(bodyPath('items[3].title')).toBe('items[3].title');
    expect(bodyPath('$')).toBe('');
    expect(bodyPath(null)).toBe('');
  });

  it('names the field a path begins or ends with', () => {
    expect(firstName('affected_items[0]')).toBe('affected_items');
    expect(firstName('$.rules[2].hours')).toBe('rules');
    expect(firstName('reason')).toBe('reason');
    expect(lastName('memberships[12].valid_to')).toBe('valid_to');
    expect(lastName('$.roles[0]')).toBe('roles');
    expect(lastName('')).toBe('');
  });
});

describe('an error’s messages at a form', () => {
  const refused = new ApiError(400, 'invalid_input', 'reason is required', 'reason', [
    { where: '$.reason', rule: '', message: 'must not be empty' },
    { where: 'affected_items[1]', rule: '', message: 'no item X' },
    { where: 'If-Match', rule: '', message: 'stale' },
  ]);

  it('takes the details, or without any the error itself at its field', () => {
    expect(apiProblems(refused).map((p) => p.where)).toEqual(['reason', 'affected_items[1]', 'If-Match']);
    expect(apiProblems(new ApiError(409, 'conflict', 'taken', '$.username'))).toEqual([{ where: 'username', rule: '', message: 'taken' }]);
  });

  it('collects what is said about a field and everything under it', () => {
    expect(messagesUnder(refused, 'reason')).toEqual(['reason is required', 'must not be empty']);
    expect(messagesUnder(refused, 'affected_items')).toEqual(['no item X']);
    expect(messagesUnder(refused, 'affected')).toEqual([]);
  });

  it('puts the messages of a flat form at its controls, leaving out what it has no control for', () => {
    expect(errorsByName(refused, { reason: 'f-reason', affected_items: 'f-items' })).toEqual([
      { field: 'f-reason', message: 'reason is required' },
      { field: 'f-reason', message: 'must not be empty' },
      { field: 'f-items', message: 'no item X' },
    ]);
    expect(errorsByName(refused, { title: 'f-title' })).toEqual([]);
  });

  it('says each message once at each field, and finds a field’s messages', () => {
    const errors = uniqueErrors([
      { field: 'a', message: 'x' },
      { field: 'a', message: 'x' },
      { field: 'b', message: 'x' },
      { field: 'a', message: 'y' },
    ]);
    expect(errors).toEqual([
      { field: 'a', message: 'x' },
      { field: 'b', message: 'x' },
      { field: 'a', message: 'y' },
    ]);
    expect(messagesAt(errors, 'a')).toEqual(['x', 'y']);
    expect(messagesAt(errors, 'c')).toEqual([]);
  });
});
