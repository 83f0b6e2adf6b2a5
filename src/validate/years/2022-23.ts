import type { Rule } from '../rule.js';
import { rules2021_22 } from './2021-22.js';

/** 2022-23: the 2021-22 rules. CIN 24A, 5D and RC9 added: code-list changes, no rule change. */
export const rules2022_23: readonly Rule[] = [...rules2021_22];
