import type { Rule } from '../rule.js';
import { rules2019_20 } from './2019-20.js';

/** 2020-21: the 2019-20 rules. CIN 18A/19A split into B/C, SSDA903 nothing: both are code-list changes (data/codelists), no rule change. */
export const rules2020_21: readonly Rule[] = [...rules2019_20];
