import { describe, expect, it } from 'vitest';
import { pageOf } from './notifications';

describe('a notification leads to the page for what it is about', () => {
  it('maps the API paths the outbox links to onto the UI pages', () => {
    expect(pageOf('/api/v1/deviations/AVV-2025-0006')).toBe('/avvikelser/AVV-2025-0006');
    expect(pageOf('/api/v1/occasions/2025-AR/report-backs/LAR-E01')).toBe('/uppfoljning/2025-AR/LAR-E01');
    expect(pageOf('/api/v1/occasions/2025-KS-10/overview')).toBe('/uppfoljning/2025-KS-10');
    expect(pageOf('/api/v1/items/KD-U039')).toBe('/uppdrag/KD-U039');
    expect(pageOf('/api/v1/items/KS%2FU03')).toBe('/uppdrag/KS%2FU03');
  });

  it('offers no page where the UI has none', () => {
    expect(pageOf(null)).toBeNull();
    expect(pageOf('/api/v1/calendar/deadlines.ics')).toBeNull();
    expect(pageOf('https://example.org/api/v1/items/X')).toBeNull();
  });
});
