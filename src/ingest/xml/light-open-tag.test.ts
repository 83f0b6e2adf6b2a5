import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SaxesParser } from 'saxes';
import { lightOpenTag } from './light-open-tag.js';

class LightParser extends SaxesParser {}
const installed = lightOpenTag(LightParser);

/** Every event a parser reports on a document (and the errors), as text. */
function events(parser: SaxesParser, xml: string): string[] {
  const out: string[] = [];
  parser.on('opentag', (t) =>
    out.push(`open ${t.name} ${JSON.stringify(t.attributes)} ${String(t.isSelfClosing)}`),
  );
  parser.on('closetag', (t) => out.push(`close ${t.name}`));
  parser.on('text', (t) => out.push(`text ${t}`));
  parser.on('error', (e) => out.push(`error ${e.message}`));
  try {
    parser.write(xml).close();
  } catch (e) {
    out.push(`thrown ${(e as Error).message}`);
  }
  return out;
}

test('lightOpenTag is in place with the saxes cspi depends on (6.0.0)', () => {
  assert.equal(
    installed,
    true,
    'saxes changed: check lightOpenTag repeats its sOpenTag, then update the hash',
  );
});

test('a parser with lightOpenTag reports exactly what saxes does', () => {
  const docs = [
    '<a><b>1</b><c/><d x="1" y=\'2\'>t</d><e\n z="3"/><f >x</f><g\t/></a>',
    '<?xml version="1.0"?>\n<ns:M xmlns:ns="u"><ns:H a="1"/></ns:M>',
    '<a><b a="1" a="2"/></a>',
    '<a><b!>x</b></a>',
    '<a/><b/>',
    '<a><b>unclosed</a>',
    '<a><',
  ];
  for (const xml of docs) {
    const opts = { position: true };
    assert.deepEqual(events(new LightParser(opts), xml), events(new SaxesParser(opts), xml), xml);
  }
});

test('a tag without attributes shares one empty attributes object; one with attributes has its own', () => {
  const seen: object[] = [];
  const p = new LightParser();
  p.on('opentag', (t) => seen.push(t.attributes));
  p.write('<a><b/><c x="1"/><d/></a>').close();
  assert.equal(seen[0], seen[1]);
  assert.equal(seen[1], seen[3]);
  assert.notEqual(seen[2], seen[0]);
  assert.deepEqual({ ...seen[2] }, { x: '1' });
});
