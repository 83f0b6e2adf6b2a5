import { ran, type Rule } from '../rule.js';
import { codeFindings } from './code-findings.js';

/**
 * GEN-LEGACY (inputs.md §6): a code the year's list marks legacy (e.g. SSDA903 SEX 1 in 2024-25, PLACE H5 in
 * 2024-25, CIN 18A from 2020-21: query). Loaded, read as the code it maps to where the list gives one.
 * Each hit carries its field's DfE rule (143 RNE, 144 LS, 145 CIN, 146 PLACE, 149 REC; none for other fields).
 */
export const genLegacy: Rule = {
  code: 'GEN-LEGACY',
  severity: 'warning',
  dfeRule: '143–146, 149',
  sources: ['ssda903', 'cin', 'local'],
  tables: ['children', 'uasc', 'episodes', 'oc3', 'assessments'],
  fields: ['SEX', 'PLACE', 'ACTIV', 'AssessmentFactors'],
  message: 'A code is a legacy code in the collection year; it is read as its replacement.',
  check: (ctx) => ran(codeFindings(ctx, 'legacy')),
};
