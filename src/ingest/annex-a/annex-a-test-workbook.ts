import ExcelJS from 'exceljs';
import type { IngestResult } from '../staged.js';

/** Test helper: a date cell as Excel writes it. */
export const xd = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Test helper: the List 3 (referrals) columns as Ofsted's template heads them. */
export const LIST_3_HEADER = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Date of referral',
  'Referral Source',
  'Referral NFA?',
  'Number of Referrals in Last 12 Months',
  'Allocated Team',
  'Allocated Worker',
];

/** Test helper: the List 5 (Section 47 enquiries) columns as Ofsted's template heads them. */
export const LIST_5_HEADER = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Disability',
  'Strategy discussion initiating Section 47 Enquiry Start Date',
  'ICPC deemed unnecessary?',
  'Date of ICPC',
  'ICPC resulted in plan?',
  'S47s / ICPCs in last 12 months',
  'Allocated Team',
  'Allocated Worker',
];

/** Test helper: the List 7 (child protection plans) columns as Ofsted's template heads them. */
export const LIST_7_HEADER = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Disability',
  'Plan Start Date',
  'Initial Category of Abuse',
  'Latest Category of Abuse',
  'Date of the Last Statutory Visit',
  'Seen Alone?',
  'Date of latest review conference',
  'Plan End Date',
  'Subject to EPO or police powers in the last 6 months',
  'Number of Previous Child Protection Plans',
  'Allocated Team',
  'Allocated Worker',
];

export const LIST_8_HEADER = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age of Child (Years)',
  'Disability',
  'UASC',
  'Date Started to be Looked After',
  "Child's Category of Need",
  'Is this the second or subsequent period of being looked after within the last 12 months?',
  'Legal Status',
  'Date of start of legal status',
  'Date of latest statutory review',
  'Date of last social work visit',
  'Permanence plan',
  'Date of last IRO visit',
  'Date of last health assessment',
  'Date of last dental check',
  'Number of placements in the last 12 months',
  'Date ceased to be looked after',
  'Reason ceased to be looked after',
  'Date of start of current placement',
  'Placement type',
  'Placement provider',
  'Placement postcode',
  'Placement URN',
  'Placement location',
  'Placement LA',
  'Number of missing episodes in the last 12 months',
  'Number of absences in the last 12 months',
  'Number of return interviews',
  'Allocated Team',
  'Allocated Worker',
];

export const LIST_9_HEADER = [
  'Child Unique ID',
  'Gender',
  'Ethnicity',
  'Date of Birth',
  'Age',
  'UASC / former UASC',
  'Allocated Team',
  'Allocated Worker',
  'Personal Adviser',
  'Eligibility category',
  'Latest pathway plan review date',
  'Is the LA in touch with the care leaver?',
  'Latest date of contact',
  'Type of accommodation',
  'Is this accommodation suitable?',
  'Activity status',
];

/**
 * One List 7 row (a CP plan) of child `id` from `start`, with its last statutory visit, latest review conference,
 * end (none by default) and date of birth: the cells the date tests change; the others a default plan's.
 */
export function list7Row(
  id: string,
  start: unknown,
  {
    visit = '01/07/2021',
    review = '',
    end = '',
    dob = '05/01/2012',
  }: { visit?: unknown; review?: unknown; end?: unknown; dob?: unknown } = {},
): unknown[] {
  return [
    id,
    'Male',
    'WBRI',
    dob,
    9,
    'NONE',
    start,
    'Neglect',
    'Neglect',
    visit,
    'Yes',
    review,
    end,
    'No',
    0,
    'T',
    'W',
  ];
}

/** GEN-PAST's reason for a date before the bank-holiday table. */
export const BEFORE_1990 =
  'is before 1990, earlier than any date cspi can count working days from; check the year';

/** Each GEN-FUTURE or GEN-PAST issue as [code, severity, table, position, child, field, value, message]. */
export function rangeIssues(r: IngestResult): (string | null | undefined)[][] {
  return r.issues
    .filter((i) => i.code === 'GEN-FUTURE' || i.code === 'GEN-PAST')
    .map((i) => [i.code, i.severity, i.table, i.position, i.childId, i.field, i.value, i.message]);
}

/** One List 8 row from the cells that differ from a default child in care. */
export function list8Row(cells: Record<string, unknown>): unknown[] {
  const base: Record<string, unknown> = {
    'Child Unique ID': 'C1',
    Gender: 'a) Male',
    Ethnicity: 'WBRI',
    'Date of Birth': xd('2010-03-01'),
    'Age of Child (Years)': 11,
    Disability: 'No',
    UASC: 'No',
    'Date Started to be Looked After': xd('2019-01-10'),
    "Child's Category of Need": 'N1 - Abuse or neglect',
    'Is this the second or subsequent period of being looked after within the last 12 months?': 'No',
    'Legal Status': 'b) C2: Full care order',
    'Date of start of legal status': xd('2019-03-01'),
    'Date of latest statutory review': xd('2021-11-01'),
    'Date of last social work visit': xd('2022-01-20'),
    'Permanence plan': 'Long-term fostering',
    'Date of last IRO visit': '',
    'Date of last health assessment': xd('2021-06-01'),
    'Date of last dental check': '10/09/2021',
    'Number of placements in the last 12 months': 1,
    'Date ceased to be looked after': '',
    'Reason ceased to be looked after': '',
    'Date of start of current placement': xd('2019-06-01'),
    'Placement type': 'U4 - Foster placement with other foster carer, long term',
    'Placement provider': 'Own provision (by the LA)',
    'Placement postcode': 'dl1 5ab',
    'Placement URN': '',
    'Placement location': 'Inside LA boundary',
    'Placement LA': '841',
    'Number of missing episodes in the last 12 months': 0,
    'Number of absences in the last 12 months': 0,
    'Number of return interviews': 0,
    'Allocated Team': 'CiC',
    'Allocated Worker': 'W1',
  };
  const row = { ...base, ...cells };
  return LIST_8_HEADER.map((h) => row[h] ?? null);
}

/** One List 9 row from the cells that differ from a default care leaver. */
export function list9Row(cells: Record<string, unknown>): unknown[] {
  const base: Record<string, unknown> = {
    'Child Unique ID': 'L1',
    Gender: 'Female',
    Ethnicity: 'WBRI',
    'Date of Birth': xd('2001-05-01'),
    Age: 20,
    'UASC / former UASC': 'No',
    'Allocated Team': 'Leaving care',
    'Allocated Worker': 'W9',
    'Personal Adviser': 'PA1',
    'Eligibility category': 'Former relevant',
    'Latest pathway plan review date': xd('2021-12-01'),
    'Is the LA in touch with the care leaver?': 'Yes',
    'Latest date of contact': xd('2022-01-15'),
    'Type of accommodation': 'Independent living',
    'Is this accommodation suitable?': 'Suitable',
    'Activity status': 'Full time in higher education',
  };
  const row = { ...base, ...cells };
  return LIST_9_HEADER.map((h) => row[h] ?? null);
}

/** Writes a workbook of the given sheets (each a list of rows, the first the header) to `path`. */
export async function writeWorkbook(path: string, sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(path);
  return path;
}
