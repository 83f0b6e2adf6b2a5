import type { XmlSchema } from '../xml/xml-schema.js';

/**
 * The CIN census XML structure (inputs.md §3), the union of every supported collection year from 2017-18:
 * `GenderCurrent` (to 2023-24) and `Sex` (from 2024-25) both allowed here; which one a year expects is the
 * CIN-YEAR-ELEMENT rule's business. PreProceedingsandFGDM (newest returns) is skipped whole.
 */
export const CIN_SCHEMA: XmlSchema = {
  Message: { children: ['Header', 'Children'] },
  Header: { children: ['CollectionDetails', 'Source'], repeat: ['Source'] },
  CollectionDetails: { leaves: ['Collection', 'Year', 'ReferenceDate'] },
  Source: { leaves: ['SourceLevel', 'LEA', 'SoftwareCode', 'Release', 'SerialNo', 'DateTime'] },
  Children: { children: ['Child'], repeat: ['Child'] },
  Child: { children: ['ChildIdentifiers', 'ChildCharacteristics', 'CINdetails'], repeat: ['CINdetails'] },
  ChildIdentifiers: {
    leaves: [
      'LAchildID',
      'UPN',
      'FormerUPN',
      'UPNunknown',
      'PersonBirthDate',
      'ExpectedPersonBirthDate',
      'GenderCurrent',
      'Sex',
      'PersonDeathDate',
    ],
  },
  ChildCharacteristics: { leaves: ['Ethnicity'], children: ['Disabilities'] },
  Disabilities: { repeatLeaves: ['Disability'] },
  CINdetails: {
    leaves: [
      'CINreferralDate',
      'ReferralSource',
      'PrimaryNeedCode',
      'CINclosureDate',
      'ReasonForClosure',
      'DateOfInitialCPC',
      'ReferralNFA',
    ],
    children: ['Assessments', 'CINPlanDates', 'Section47', 'ChildProtectionPlans', 'PreProceedingsandFGDM'],
    repeat: ['Assessments', 'CINPlanDates', 'Section47', 'ChildProtectionPlans', 'PreProceedingsandFGDM'],
  },
  Assessments: {
    leaves: ['AssessmentActualStartDate', 'AssessmentInternalReviewDate', 'AssessmentAuthorisationDate'],
    children: ['FactorsIdentifiedAtAssessment'],
  },
  FactorsIdentifiedAtAssessment: { repeatLeaves: ['AssessmentFactors'] },
  CINPlanDates: { leaves: ['CINPlanStartDate', 'CINPlanEndDate'] },
  Section47: { leaves: ['S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired'] },
  ChildProtectionPlans: {
    leaves: [
      'CPPstartDate',
      'CPPendDate',
      'InitialCategoryOfAbuse',
      'LatestCategoryOfAbuse',
      'NumberOfPreviousCPP',
    ],
    children: ['Reviews'],
  },
  Reviews: { repeatLeaves: ['CPPreviewDate'] },
  PreProceedingsandFGDM: { opaque: true },
};
