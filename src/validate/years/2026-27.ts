import type { Rule } from '../rule.js';
import { rules2025_26 } from './2025-26.js';

/** 2026-27: the 2025-26 rules. SSDA903 DoLo table added (read and counted); no rule change. */
export const rules2026_27: readonly Rule[] = [...rules2025_26];
