// The matrix's tones for the scale. "Not assessed yet" waits for its writer: shown as waiting
// (… in blue), so that it differs from "cannot be assessed" (○ in grey) by icon and colour
// where only a count is shown.
import type { AssessmentColumn } from '../../lib/follow-up';

export type AssessmentTone = 'good' | 'partly' | 'bad' | 'neutral' | 'waiting';

export const ASSESSMENT_TONES: Record<AssessmentColumn, AssessmentTone> = {
  fulfilled: 'good',
  partly_fulfilled: 'partly',
  not_fulfilled: 'bad',
  cannot_be_assessed: 'neutral',
  unassessed: 'waiting',
};

/** The icons of Status's tones, and the matrix's own for what the caller may not read. */
export const TONE_ICONS: Record<AssessmentTone | 'hidden', string> = {
  good: '✓',
  partly: '◐',
  bad: '✕',
  neutral: '○',
  waiting: '…',
  hidden: '⊘',
};

export const assessmentTone = (value: AssessmentColumn): AssessmentTone => ASSESSMENT_TONES[value];
