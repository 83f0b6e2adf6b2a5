import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { resolveLimits } from '../limits.js';
import { Refusal } from '../refusal.js';
import { streamXml } from './stream-xml.js';
import type { XmlNode, XmlSchema } from './xml-schema.js';

const SCHEMA: XmlSchema = {
  Root: { children: ['Items'] },
  Items: { children: ['Item'], repeat: ['Item'] },
  Item: { leaves: ['Id', 'Start', 'End', 'Code'], children: ['Notes', 'Part'], repeat: ['Part'] },
  Notes: { repeatLeaves: ['Note'] },
  Part: { leaves: ['Name'] },
};

const dir = mkdtempSync(join(tmpdir(), 'cspi-stream-xml-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Reads the XML, handing each Item to onRecord. */
async function read(xml: string, onRecord: (node: XmlNode) => void): Promise<void> {
  const path = join(dir, 'file.xml');
  writeFileSync(path, xml);
  await streamXml({
    path,
    file: 'file.xml',
    encoding: 'utf-8',
    limits: resolveLimits({}),
    schema: SCHEMA,
    root: 'Root',
    recordElements: new Set(['Item']),
    onRecord,
    sourceName: 'test',
  });
}

/** The Items read, in document order. */
async function records(xml: string): Promise<XmlNode[]> {
  const out: XmlNode[] = [];
  await read(xml, (node) => out.push(node));
  return out;
}

describe('streamXml', () => {
  it('finds elements whatever order their siblings come in, and numbers repeated ones in document order', async () => {
    const [first, second] = await records(
      '<Root><Items>' +
        '<Item><Id>a</Id><Start>2021-04-01</Start><End>2021-05-01</End><Code>X</Code>' +
        '<Part><Name>p1</Name></Part><Part><Name>p2</Name></Part><Notes><Note>n1</Note><Note>n2</Note></Notes></Item>\n' +
        // The same children in reverse order, a repeated Part between other children.
        '<Item><Notes><Note>m1</Note></Notes><Part><Name>q1</Name></Part><Code>Y</Code><End>2022-05-01</End>' +
        '<Part><Name>q2</Name></Part><Start>2022-04-01</Start><Id>b</Id></Item>' +
        '</Items></Root>',
    );
    assert.deepEqual(first!.leaves, { Id: 'a', Start: '2021-04-01', End: '2021-05-01', Code: 'X' });
    assert.deepEqual(second!.leaves, { Code: 'Y', End: '2022-05-01', Start: '2022-04-01', Id: 'b' });
    assert.deepEqual(
      second!.children['Part']!.map((p) => [p.path, p.leaves['Name']]),
      [
        ['/Root/Items/Item[2]/Part[1]', 'q1'],
        ['/Root/Items/Item[2]/Part[2]', 'q2'],
      ],
    );
    assert.deepEqual(first!.children['Notes']![0]!.leafLists['Note'], ['n1', 'n2']);
    assert.deepEqual(second!.children['Notes']![0]!.leafLists['Note'], ['m1']);
    assert.equal(second!.path, '/Root/Items/Item[2]');
    assert.equal(second!.line, 2);
  });

  it('refuses an element its parent does not have, after children it does have', async () => {
    await assert.rejects(
      records('<Root><Items><Item><Id>a</Id><Start>2021-04-01</Start><Name>x</Name></Item></Items></Root>'),
      (e: unknown) =>
        e instanceof Refusal &&
        e.issue.code === 'S-XML-UNKNOWN' &&
        /<Name> is not a test element inside <Item>/.test(e.issue.message),
    );
  });

  /** The refusal's code and message for an XML text. */
  async function refusal(xml: string): Promise<[string, string]> {
    try {
      await records(xml);
    } catch (e) {
      if (e instanceof Refusal) return [e.issue.code, e.issue.message];
      throw e;
    }
    assert.fail('not refused');
  }

  it("names a bare '&' where it is, not the end of the file as cut short (it reads no further)", async () => {
    // saxes reads a bare '&' as the start of an entity reference up to the next ';': with none after it, the
    // whole rest of the file, reported as an unclosed root (S-TRUNCATED, "cut short") at the file's end.
    const items = Array.from({ length: 3000 }, (_, i) => `<Item><Id>${i}</Id></Item>`).join('\n');
    assert.deepEqual(
      await refusal(`<Root><Items>\n<Item><Id>a</Id><Code>X & Y</Code></Item>\n${items}</Items></Root>`),
      [
        'S-MALFORMED-XML',
        "file.xml line 2: a '&' that begins none of XML's references (&amp; &lt; &gt; &quot; &apos;): write it as &amp;. The file is not well-formed XML: fix it or export it again.",
      ],
    );
    // With a ';' later on, saxes fails there ("disallowed character in entity name"): still named at the '&'.
    assert.deepEqual(
      await refusal('<Root><Items>\n<Item><Id>a</Id><Code>X &\nY;</Code></Item></Items></Root>'),
      [
        'S-MALFORMED-XML',
        "file.xml line 2: a '&' that begins none of XML's references (&amp; &lt; &gt; &quot; &apos;): write it as &amp;. The file is not well-formed XML: fix it or export it again.",
      ],
    );
    // An entity XML does not define is named at its '&' too.
    assert.deepEqual(await refusal('<Root><Items>\n\n<Item><Id>a&nbsp;b</Id></Item></Items></Root>'), [
      'S-MALFORMED-XML',
      "file.xml line 3: an entity reference (&nbsp;) that is not one of XML's five (&amp; &lt; &gt; &quot; &apos;); cspi never expands entities: write the character itself.",
    ]);
    // Valid references still read.
    const [item] = await records('<Root><Items><Item><Id>a &amp; b &#233; &#xE9;</Id></Item></Items></Root>');
    assert.equal(item!.leaves['Id'], 'a & b é é');
  });

  it('names a missing close tag when an element opens inside a leaf, not the element as unknown', async () => {
    // `<Start>` never closed: `<End>` then opens inside it. The schema knows <End> (inside <Item>), so the
    // fault is the missing </Start>, as the spec's example of a close tag that does not close (inputs.md §6).
    assert.deepEqual(
      await refusal(
        '<Root><Items>\n<Item><Id>a</Id><Start>2021-04-01\n<End>2021-05-01</End></Item></Items></Root>',
      ),
      [
        'S-MALFORMED-XML',
        'file.xml line 3 col 5: <End> opens inside <Start> (line 2), which holds only a value: is </Start> missing? The file is not well-formed test XML: fix it or export it again.',
      ],
    );
    // An element the schema does not know anywhere is still S-XML-UNKNOWN.
    assert.equal(
      (await refusal('<Root><Items><Item><Start>2021-04-01<Bad/></Start></Item></Items></Root>'))[0],
      'S-XML-UNKNOWN',
    );
  });

  it('suggests the element a misspelt one is close to', async () => {
    assert.deepEqual(
      await refusal('<Root><Items><Item><Id>a</Id><Strat>2021-04-01</Strat></Item></Items></Root>'),
      [
        'S-XML-UNKNOWN',
        "file.xml line 1 col 36: <Strat> is not a test element inside <Item> in any supported year (is it <Start> misspelt?); check the file's format.",
      ],
    );
  });

  it('hints an element at most 2 edits away (case ignored), the first of two as close, none further', async () => {
    // Pins the hint while its distance moved to fastest-levenshtein from a hand-written one: same answers.
    const hint = async (name: string): Promise<string> => {
      const [, message] = await refusal(
        `<Root><Items><Item><Id>a</Id><${name}>x</${name}></Item></Items></Root>`,
      );
      return /\(is it <(\w+)> misspelt\?\)/.exec(message)?.[1] ?? 'none';
    };
    assert.deepEqual(
      [
        await hint('STARTS'),
        await hint('Stxrtx'),
        await hint('Sxxrtxx'),
        await hint('Ed'),
        await hint('Nots'),
        await hint('Parts'),
        await hint('Quux'),
      ],
      ['Start', 'Start', 'none', 'Id', 'Notes', 'Part', 'none'],
    );
  });

  it('keeps nothing it read once the file is read, nor once it is refused', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const ITEM = '<Item><Id>a</Id></Item>';
    for (const xml of [`<Root><Items>${ITEM}</Items></Root>`, `<Root><Items>${ITEM}<Bad/></Items></Root>`]) {
      // The records collected, reachable only through the reader's onRecord callback once the read ends.
      const ref = await (async () => {
        const out: XmlNode[] = [];
        await read(xml, (node) => out.push(node)).catch(() => undefined);
        assert.equal(out.length, 1);
        return new WeakRef(out);
      })();
      // A WeakRef's target lives at least until the current job ends: collect in the next one.
      await new Promise((r) => setImmediate(r));
      gc();
      assert.equal(ref.deref(), undefined, `records still held after reading ${xml}`);
    }
  });

  it('gives long leaf values as strings of their own, which do not keep the text of the file alive', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // 4,000 Items in about 4 MB: each keeps only its 14-character Code (a UPN's length); the rest is padding.
    const pad = 'x'.repeat(1000);
    const items = Array.from(
      { length: 4000 },
      (_, i) => `<Item><Id>${pad}</Id><Code>A${String(i).padStart(13, '0')}</Code></Item>\n`,
    );
    const codes: string[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    await read(`<Root><Items>${items.join('')}</Items></Root>`, (node) => codes.push(node.leaves['Code']!));
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    assert.equal(codes.length, 4000);
    assert.equal(codes[3999], 'A0000000003999');
    // 4,000 short strings are well under 1 MB; views into the decoded text would keep its ~4 MB.
    assert.ok(kept < 1_000_000, `${kept} bytes kept for 4,000 codes`);
  });
});
