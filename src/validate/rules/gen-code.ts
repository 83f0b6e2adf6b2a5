import { ran, type Rule, type RuleContext, type RuleHit } from '../rule.js';
import { codeFindings } from './code-findings.js';

/**
 * GEN-CODE (inputs.md §6; DfE 143–146, 149): a code not in the collection year's list ("PLACE Z1 is not valid
 * in 2025-26"). Warning: the value is kept as given (read as unknown); in a key field it is an error.
 * Each hit carries its field's DfE rule (143 RNE, 144 LS, 145 CIN, 146 PLACE, 149 REC; none for other fields).
 * A CIN sex value valid in neither form (`GenderCurrent` 1/2/0/9, `Sex` M/F/U) is one too
 * ({@link invalidCinSex}); a valid code in the other year's element is CIN-YEAR-ELEMENT's.
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
    'GenderCurrent',
    'Sex',
  ],
  message: 'A code is not in the collection year’s code list.',
  check: (ctx) => ran([...codeFindings(ctx, 'invalid'), ...invalidCinSex(ctx)]),
};

/**
 * CIN children whose sex element (`GenderCurrent` or `Sex`, whichever the file has, inputs.md §3) holds a value
 * valid in neither form, so read as unknown: "Sex 'X' is not a valid code in 2024-25; read as unknown". The
 * reader maps every value valid in either form (sexCode), so a value it read as null is such a one. Checked
 * here, not through the year's code list, as a value of the other form is valid (mapped, CIN-YEAR-ELEMENT).
 */
export function invalidCinSex(ctx: RuleContext): RuleHit[] {
  if (ctx.source !== 'cin') return [];
  const hits: RuleHit[] = [];
  for (const c of ctx.tables.children ?? []) {
    if (c.sex !== null) continue;
    const x = ctx.extras(c);
    const element = x?.['sexElement'] ?? null;
    const raw = x?.['SEX'] ?? null;
    if (element === null || raw === null) continue;
    hits.push({
      table: 'children',
      record: c,
      field: element,
      value: raw,
      message: `${element} '${raw}' is not a valid code in ${ctx.year}; read as unknown`,
    });
  }
  return hits;
}
