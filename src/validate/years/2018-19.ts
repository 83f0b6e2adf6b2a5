import type { Rule } from '../rule.js';
import { rules2017_18 } from './2017-18.js';

/** 2018-19: the 2017-18 rules. No rule change. */
export const rules2018_19: readonly Rule[] = [...rules2017_18];
