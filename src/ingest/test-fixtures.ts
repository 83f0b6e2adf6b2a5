/**
 * Small inputs in the real formats, built in code for tests: SSDA903 CSV sets, CIN census XML, local CSVs,
 * written to a fresh temporary folder.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { IsoDate } from '../calendar/iso-date.js';

/** A temporary folder with a writer; `cleanup()` removes it. */
export function tempFolder(): {
  dir: string;
  write(name: string, content: string | Buffer): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'cspi-ingest-'));
  return {
    dir,
    write(name, content) {
      const p = join(dir, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type TempFolder = ReturnType<typeof tempFolder>;

/**
 * Temporary folders for one test file: `folder()` makes one, `cleanup()` removes every one made (give it to
 * node:test's `after`).
 * @example const temp = tempFolders(); after(temp.cleanup); const f = temp.folder();
 */
export function tempFolders(): { folder(): TempFolder; cleanup(): void } {
  const made: TempFolder[] = [];
  return {
    folder() {
      const f = tempFolder();
      made.push(f);
      return f;
    },
    cleanup: () => made.forEach((f) => f.cleanup()),
  };
}

/** A fixed "today" for tests. */
export const TODAY = '2024-06-01' as IsoDate;

export const HEADER_COLUMNS = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB';
export const EPISODE_COLUMNS =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN';

/** Header rows for children 1001… (n of them), born 2010. */
export function headerRows(n: number, first = 1001): string[] {
  return Array.from({ length: n }, (_, i) => `${first + i},1,0${(i % 9) + 1}/02/2010,WBRI,,,`);
}

/** One clean episode per child (S, C2, U4 from 1 May 2021, ceased 1 Dec 2021 E4A). */
export function episodeRows(n: number, first = 1001): string[] {
  return Array.from({ length: n }, (_, i) => `${first + i},01/05/2021,S,C2,N1,U4,PR1,01/12/2021,E4A,,,,`);
}

/** A CSV text from a header line and rows (CRLF, like Excel's CSV UTF-8). */
export function csv(header: string, rows: readonly string[]): string {
  return `${[header, ...rows].join('\r\n')}\r\n`;
}

/** One CIN census Child element. */
export interface CinChildSpec {
  readonly id: string | null;
  readonly sex?: string;
  readonly sexElement?: 'Sex' | 'GenderCurrent';
  readonly dob?: string;
  readonly details?: readonly string[];
}

/** A CINdetails element's XML from its inner elements. */
export function cinDetails(inner: string): string {
  return `<CINdetails>${inner}</CINdetails>`;
}

/** A CIN census XML document for a collection year (`2022` = 2021-22) and LA. */
export function cinXml(
  children: readonly CinChildSpec[],
  opts: { year?: string; lea?: string } = {},
): string {
  const year = opts.year ?? '2022';
  const kids = children
    .map((c) => {
      const el = c.sexElement ?? (Number(year) >= 2025 ? 'Sex' : 'GenderCurrent');
      return [
        '  <Child>',
        '   <ChildIdentifiers>',
        c.id === null ? '' : `    <LAchildID>${c.id}</LAchildID>`,
        `    <PersonBirthDate>${c.dob ?? '2012-01-01'}</PersonBirthDate>`,
        `    <${el}>${c.sex ?? (el === 'Sex' ? 'M' : '1')}</${el}>`,
        '   </ChildIdentifiers>',
        '   <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>',
        ...(
          c.details ?? [
            cinDetails(
              '<CINreferralDate>2021-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>0</ReferralNFA>',
            ),
          ]
        ).map((d) => `   ${d}`),
        '  </Child>',
      ]
        .filter((l) => l !== '')
        .join('\n');
    })
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Message>',
    ' <Header>',
    `  <CollectionDetails><Collection>CIN</Collection><Year>${year}</Year><ReferenceDate>${year}-03-31</ReferenceDate></CollectionDetails>`,
    `  <Source><SourceLevel>L</SourceLevel><LEA>${opts.lea ?? '841'}</LEA><SoftwareCode>x</SoftwareCode><Release>1</Release><SerialNo>1</SerialNo><DateTime>${year}-05-01T10:00:00</DateTime></Source>`,
    ' </Header>',
    ' <Children>',
    kids,
    ' </Children>',
    '</Message>',
    '',
  ].join('\n');
}

/** n plain children with one referral each (ids C1…). */
export function plainCinChildren(n: number): CinChildSpec[] {
  return Array.from({ length: n }, (_, i) => ({ id: `C${i + 1}` }));
}
