import type { Rule } from '../rule.js';
import { rules2024_25 } from './2024-25.js';

/** 2025-26: the 2024-25 rules. PLACE Z1 replaced by Z11–Z14; CIN N1 relabelled; pre-proceedings block may appear. Code-list changes, no rule change. */
export const rules2025_26: readonly Rule[] = [...rules2024_25];
