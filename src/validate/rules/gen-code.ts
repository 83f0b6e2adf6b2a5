import { ran, type Rule } from '../rule.js';
import { codeFindings } from './code-findings.js';

/**
 * GEN-CODE (inputs.md §6; DfE 143–146, 149): a code not in the collection year's list ("PLACE Z1 is not valid
 * in 2025-26"). Warning: the value is kept as given (read as unknown); in a key field it is an error.
 * Each hit carries its field's DfE rule (143 RNE, 144 LS, 145 CIN, 146 PLACE, 149 REC; none for other fields).
 */
export const genCode: Rule = {
  code: 'GEN-CODE',
  severity: 'warning',
  dfeRule: '143–146, 149',
  sources: ['ssda903', 'cin', 'local'],
  tables: [
    'children',
    'uasc',
    'episodes',
    'cicReviews',
    'swEpisodes',
    'oc2',
    'oc3',
    'ad1',
    'placedAdoption',
    'prevPerm',
    'referrals',
    'assessments',
    'cpPlans',
    'contacts',
    'careLeavers',
  ],
  fields: [
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'REC',
    'REASON_PLACE_CHANGE',
    'REVIEW_CODE',
    'SEX',
    'ETHNIC',
    'FOSTER_CARE',
    'NB_ADOPTR',
    'SEX_ADOPTR',
    'LS_ADOPTR',
    'REASON_PLACED_CEASED',
    'PREV_PERM',
    'ReferralSource',
    'PrimaryNeedCode',
    'ReasonForClosure',
    'AssessmentFactors',
    'CategoryOfAbuse',
    'Disability',
    'Ethnicity',
  ],
  message: 'A code is not in the collection year’s code list.',
  check: (ctx) => ran(codeFindings(ctx, 'invalid')),
};
