// Component tests render in jsdom; each starts from a clean document and the Swedish locale.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/svelte';

afterEach(() => {
  cleanup();
  localStorage.clear();
});
