import type { Rule } from '../rule.js';
import { rules2018_19 } from './2018-19.js';

/** 2019-20: the 2018-19 rules. No rule change. */
export const rules2019_20: readonly Rule[] = [...rules2018_19];
