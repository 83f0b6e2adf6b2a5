import type { SourceKind } from '../model/source.js';
import type { StagedTableKey } from './rule.js';

/** A record property and the field name users know it by. */
export interface FieldRef {
  readonly prop: string;
  readonly field: string;
}

/** Event dates per table that cannot lie in the future (GEN-FUTURE), by source. */
export const EVENT_DATES: Readonly<Record<SourceKind, Partial<Record<StagedTableKey, readonly FieldRef[]>>>> =
  {
    ssda903: {
      children: [{ prop: 'dob', field: 'DOB' }],
      episodes: [
        { prop: 'decom', field: 'DECOM' },
        { prop: 'dec', field: 'DEC' },
      ],
      cicReviews: [{ prop: 'reviewDate', field: 'REVIEW' }],
      missingEpisodes: [
        { prop: 'start', field: 'MIS_START' },
        { prop: 'end', field: 'MIS_END' },
      ],
      swEpisodes: [
        { prop: 'start', field: 'SW_DECOM' },
        { prop: 'end', field: 'SW_DEC' },
      ],
      uasc: [{ prop: 'duc', field: 'DUC' }],
      ad1: [
        { prop: 'dateInt', field: 'DATE_INT' },
        { prop: 'dateMatch', field: 'DATE_MATCH' },
      ],
      placedAdoption: [
        { prop: 'datePlaced', field: 'DATE_PLACED' },
        { prop: 'datePlacedCeased', field: 'DATE_PLACED_CEASED' },
      ],
      prevPerm: [{ prop: 'datePerm', field: 'DATE_PERM' }],
      dolo: [
        { prop: 'start', field: 'DOLO_START' },
        { prop: 'end', field: 'DOLO_END' },
      ],
    },
    cin: {
      children: [
        { prop: 'dob', field: 'PersonBirthDate' },
        { prop: 'deathDate', field: 'PersonDeathDate' },
      ],
      referrals: [
        { prop: 'referralDate', field: 'CINreferralDate' },
        { prop: 'closureDate', field: 'CINclosureDate' },
        { prop: 'dateOfInitialCpc', field: 'DateOfInitialCPC' },
      ],
      assessments: [
        { prop: 'startDate', field: 'AssessmentActualStartDate' },
        { prop: 'authorisationDate', field: 'AssessmentAuthorisationDate' },
      ],
      cinPlans: [
        { prop: 'startDate', field: 'CINPlanStartDate' },
        { prop: 'endDate', field: 'CINPlanEndDate' },
      ],
      section47s: [
        { prop: 'startDate', field: 'S47ActualStartDate' },
        { prop: 'dateOfInitialCpc', field: 'DateOfInitialCPC' },
      ],
      cpPlans: [
        { prop: 'startDate', field: 'CPPstartDate' },
        { prop: 'endDate', field: 'CPPendDate' },
      ],
    },
    local: {
      contacts: [
        { prop: 'receivedDate', field: 'received_at' },
        { prop: 'decidedDate', field: 'decided_at' },
      ],
      cpVisits: [{ prop: 'visitDate', field: 'cp_visit_date' }],
      claVisits: [{ prop: 'visitDate', field: 'cla_visit_date' }],
      allocations: [{ prop: 'start', field: 'allocation_start' }],
      healthChecks: [{ prop: 'checkDate', field: 'check_date' }],
      careLeavers: [{ prop: 'statusDate', field: 'status_date' }],
      strategyDiscussions: [{ prop: 'strategyDate', field: 'strategy_date' }],
    },
    'annex-a': {},
  };

/** A coded field: where its value is (record property or raw extra), the code list field, and the list's source. */
export interface CodeFieldRef {
  readonly prop?: string;
  readonly extra?: string;
  readonly field: string;
  readonly list: 'ssda903' | 'cin';
  /** Key fields: an invalid code is an error, not a warning (inputs.md §6). */
  readonly key?: boolean;
  /** The record date whose collection year picks the list (local tables), else the submission's year. */
  readonly yearOf?: string;
  /** Invalid values are read as null and kept in this property (Referral.referralSourceRaw). */
  readonly rawProp?: string;
}

/** Coded fields checked against the year's lists (GEN-CODE, GEN-LEGACY), by source. */
export const CODE_FIELDS: Readonly<
  Record<SourceKind, Partial<Record<StagedTableKey, readonly CodeFieldRef[]>>>
> = {
  ssda903: {
    children: [
      { extra: 'SEX', field: 'SEX', list: 'ssda903' },
      { prop: 'ethnicity', field: 'ETHNIC', list: 'ssda903' },
    ],
    uasc: [{ extra: 'SEX', field: 'SEX', list: 'ssda903' }],
    episodes: [
      { prop: 'rne', field: 'RNE', list: 'ssda903' },
      { prop: 'ls', field: 'LS', list: 'ssda903' },
      { prop: 'cin', field: 'CIN', list: 'ssda903' },
      { prop: 'place', field: 'PLACE', list: 'ssda903' },
      { prop: 'placeProvider', field: 'PLACE_PROVIDER', list: 'ssda903' },
      { prop: 'rec', field: 'REC', list: 'ssda903' },
      { prop: 'reasonPlaceChange', field: 'REASON_PLACE_CHANGE', list: 'ssda903' },
    ],
    cicReviews: [{ prop: 'reviewCode', field: 'REVIEW_CODE', list: 'ssda903' }],
    swEpisodes: [{ prop: 'reason', field: 'SW_REASON', list: 'ssda903' }],
    oc2: [{ extra: 'SDQ_REASON', field: 'SDQ_REASON', list: 'ssda903' }],
    oc3: [
      { prop: 'inTouch', field: 'IN_TOUCH', list: 'ssda903' },
      { prop: 'activ', field: 'ACTIV', list: 'ssda903' },
      { prop: 'accom', field: 'ACCOM', list: 'ssda903' },
    ],
    ad1: [
      { prop: 'fosterCare', field: 'FOSTER_CARE', list: 'ssda903' },
      { prop: 'nbAdoptr', field: 'NB_ADOPTR', list: 'ssda903' },
      { prop: 'sexAdoptr', field: 'SEX_ADOPTR', list: 'ssda903' },
      { prop: 'lsAdoptr', field: 'LS_ADOPTR', list: 'ssda903' },
    ],
    placedAdoption: [{ prop: 'reasonPlacedCeased', field: 'REASON_PLACED_CEASED', list: 'ssda903' }],
    prevPerm: [{ prop: 'prevPerm', field: 'PREV_PERM', list: 'ssda903' }],
  },
  cin: {
    children: [
      { prop: 'ethnicity', field: 'Ethnicity', list: 'cin' },
      { prop: 'disabilities', field: 'Disability', list: 'cin' },
    ],
    referrals: [
      { prop: 'referralSource', field: 'ReferralSource', list: 'cin', rawProp: 'referralSourceRaw' },
      { prop: 'primaryNeedCode', field: 'PrimaryNeedCode', list: 'cin' },
      { prop: 'reasonForClosure', field: 'ReasonForClosure', list: 'cin' },
    ],
    assessments: [{ prop: 'factors', field: 'AssessmentFactors', list: 'cin' }],
    cpPlans: [
      { prop: 'initialCategoryOfAbuse', field: 'CategoryOfAbuse', list: 'cin' },
      { prop: 'latestCategoryOfAbuse', field: 'CategoryOfAbuse', list: 'cin' },
    ],
  },
  local: {
    contacts: [{ prop: 'referralSource', field: 'ReferralSource', list: 'cin', yearOf: 'receivedDate' }],
    careLeavers: [
      { prop: 'inTouch', field: 'IN_TOUCH', list: 'ssda903', yearOf: 'statusDate' },
      { prop: 'activity', field: 'ACTIV', list: 'ssda903', yearOf: 'statusDate' },
      { prop: 'accommodation', field: 'ACCOM', list: 'ssda903', yearOf: 'statusDate' },
    ],
  },
  'annex-a': {},
};
