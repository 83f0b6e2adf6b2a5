import type { Rule } from '../rule.js';
import { rules2023_24 } from './2023-24.js';

/** 2024-25: the 2023-24 rules. SSDA903 SEX M/F/U, PLACE K3 (H5/P2 legacy); CIN `Sex` replaces `GenderCurrent` (CIN-YEAR-ELEMENT compares the element with the year); LAchildID up to 20 characters. Code-list changes, no rule change. */
export const rules2024_25: readonly Rule[] = [...rules2023_24];
