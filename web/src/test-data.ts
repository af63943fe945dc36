// For unit tests: records several test files build on, as the demo has them.
import type { OccasionSummary } from './lib/api-types';

/** The annual report 2025 (2025-AR), to the council. */
export const annualReport2025: OccasionSummary = {
  code: '2025-AR',
  name: 'Årsredovisning 2025',
  kind: 'annual_report',
  level: 'council',
  body: 'KF',
  body_name: 'Kommunfullmäktige',
  period_end: '2025-12-31',
  meeting: '2026-04-29',
  status: 'open',
};
