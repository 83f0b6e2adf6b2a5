import type { Rule } from '../rule.js';
import { rules2020_21 } from './2020-21.js';

/** 2021-22: the 2020-21 rules. OC3 ACTIV F3/P3 become legacy: a code-list change, no rule change. */
export const rules2021_22: readonly Rule[] = [...rules2020_21];
