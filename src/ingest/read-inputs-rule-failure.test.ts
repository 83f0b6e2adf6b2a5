import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readInputs } from './read-inputs.js';
import { TODAY, cinXml, plainCinChildren, tempFolders } from './test-fixtures.js';
import { cinCloseOrder } from '../validate/rules/cin-close-order.js';
import type { Rule } from '../validate/rule.js';

const temp = tempFolders();
after(temp.cleanup);

test('a check that fails (a bug) refuses the import, naming the check, never loading the file unchecked', async (t) => {
  const rule = cinCloseOrder as { check: Rule['check'] };
  const check = rule.check;
  t.after(() => {
    rule.check = check;
  });
  rule.check = () => {
    throw new TypeError("Cannot read properties of undefined (reading 'C1')");
  };
  const f = temp.folder();
  f.write('cin.xml', cinXml(plainCinChildren(3)));
  const r = await readInputs([f.dir], { today: TODAY });
  assert.equal(r.refused, true);
  const internal = r.issues.filter((i) => i.code === 'S-INTERNAL');
  assert.deepEqual(
    internal.map((i) => [i.file, i.message]),
    [
      [
        'cin.xml',
        'could not check cin.xml: the check CIN-CLOSE-ORDER failed; nothing was loaded (an unexpected failure: run again with CSPI_DEBUG=1 and report it).',
      ],
    ],
  );
  assert.ok(
    !internal[0]!.message.includes('C1'),
    "the error's own text (which may hold a value) is not shown",
  );

  rule.check = check;
  const again = await readInputs([f.dir], { today: TODAY });
  assert.equal(again.refused, false, 'the same file checks and loads once the check works');
});
