import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testStores } from './test-stores.js';
import { migrate } from './migrate.js';

// The adapter contract (database.ts), run the same on every back end.
for (const store of testStores()) {
  test(`adapter contract on ${store.name}`, { skip: store.skip }, async (t) => {
    const { db, cleanup } = await store.open({ migrate: false });
    try {
      await db.exec(`CREATE TABLE t_contract (
        id TEXT PRIMARY KEY,
        d DATE,
        n INTEGER,
        x DOUBLE PRECISION,
        flag INTEGER NOT NULL
      );
      CREATE TABLE t_child (id TEXT PRIMARY KEY, parent TEXT NOT NULL REFERENCES t_contract(id))`);

      await t.test('dates come back as ISO strings, counts as numbers', async () => {
        await db.run('INSERT INTO t_contract (id, d, n, x, flag) VALUES (?, ?, ?, ?, ?)', [
          'a',
          '2022-03-31',
          7,
          1.5,
          true,
        ]);
        const row = await db.get<{ d: string; n: number; x: number; flag: number }>(
          'SELECT d, n, x, flag FROM t_contract WHERE id = ?',
          ['a'],
        );
        assert.deepEqual(row, { d: '2022-03-31', n: 7, x: 1.5, flag: 1 });
        const c = await db.get<{ c: number }>('SELECT count(*) AS c FROM t_contract');
        assert.equal(c?.c, 1);
        assert.equal(typeof c?.c, 'number');
        assert.equal(await db.get('SELECT id FROM t_contract WHERE id = ?', ['zz']), undefined);
      });

      await t.test('placeholders inside string literals are left alone', async () => {
        const r = await db.get<{ a: string; b: string }>("SELECT '?' AS a, ? AS b", ['x']);
        assert.deepEqual(r, { a: '?', b: 'x' });
      });

      await t.test('insertMany loads many rows (over one PostgreSQL statement)', async () => {
        const rows = Array.from({ length: 25_000 }, (_, i) => [`m${i}`, '2021-04-01', i, i / 2, i % 2 === 0]);
        await db.insertMany('t_contract', ['id', 'd', 'n', 'x', 'flag'], rows);
        const c = await db.get<{ c: number; s: number }>(
          "SELECT count(*) AS c, sum(n) AS s FROM t_contract WHERE id LIKE 'm%'",
        );
        assert.equal(c?.c, 25_000);
        assert.equal(c?.s, (25_000 * 24_999) / 2);
      });

      await t.test(
        'insertMany keeps every value exactly: tabs, newlines, backslashes, quotes, unicode, nulls',
        async () => {
          const awkward = [
            'a\tb',
            'line\nbreak\r\n',
            'back\\slash \\N',
            'it\'s "quoted"',
            'Zoë 🧒',
            '',
            '\\.',
          ];
          const rows = Array.from({ length: 300 }, (_, i) => [
            `w${i}`,
            i % 3 === 0 ? null : '2022-02-28',
            i % 5 === 0 ? null : -i,
            i % 7 === 0 ? null : i / 8,
            i % 2 === 0,
            i % 4 === 0 ? null : awkward[i % awkward.length]!,
          ]);
          await db.exec(
            'CREATE TABLE t_text (id TEXT PRIMARY KEY, d DATE, n INTEGER, x DOUBLE PRECISION, flag INTEGER, s TEXT)',
          );
          await db.insertMany('t_text', ['id', 'd', 'n', 'x', 'flag', 's'], rows);
          const back = await db.allRows('SELECT id, d, n, x, flag, s FROM t_text ORDER BY id');
          const want = rows
            .map((r) => [...r.slice(0, 4), r[4] ? 1 : 0, r[5]])
            .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
          assert.deepEqual(back, want);
        },
      );

      await t.test(
        'a failing insertMany of many rows rejects, and its transaction leaves nothing',
        async () => {
          const rows = Array.from({ length: 250 }, (_, i) => [`k${i}`, i === 200 ? 'no-such-parent' : 'a']);
          await assert.rejects(
            db.transaction(async (tx) => {
              await tx.run('INSERT INTO t_contract (id, flag) VALUES (?, 0)', ['f1']);
              await tx.insertMany('t_child', ['id', 'parent'], rows);
            }),
          );
          assert.equal((await db.get<{ c: number }>('SELECT count(*) AS c FROM t_child'))?.c, 0);
          assert.equal(await db.get("SELECT id FROM t_contract WHERE id = 'f1'"), undefined);
          await db.insertMany('t_child', ['id', 'parent'], rows.slice(0, 150));
          assert.equal((await db.get<{ c: number }>('SELECT count(*) AS c FROM t_child'))?.c, 150);
          await db.run('DELETE FROM t_child');
        },
      );

      await t.test('run reports changed rows', async () => {
        const r = await db.run("UPDATE t_contract SET n = 0 WHERE id LIKE 'm1%'");
        assert.equal(r.changes, 11_111);
      });

      await t.test('a transaction commits all or nothing', async () => {
        await db.transaction(async (tx) => {
          await tx.run('INSERT INTO t_contract (id, flag) VALUES (?, 0)', ['t1']);
          await tx.insertMany(
            't_contract',
            ['id', 'flag'],
            [
              ['t2', 0],
              ['t3', 0],
            ],
          );
        });
        await assert.rejects(
          db.transaction(async (tx) => {
            await tx.run('INSERT INTO t_contract (id, flag) VALUES (?, 0)', ['t4']);
            await tx.insertMany('t_contract', ['id', 'flag'], [['t5', 0]]);
            throw new Error('boom');
          }),
          /boom/,
        );
        const ids = (
          await db.all<{ id: string }>("SELECT id FROM t_contract WHERE id LIKE 't%' ORDER BY id")
        ).map((r) => r.id);
        assert.deepEqual(ids, ['t1', 't2', 't3']);
      });

      await t.test('statements of one transaction sent at once run in the order sent, unwarned', async () => {
        // pg warns (once per process, on the user's terminal) when a client is handed a query while one
        // runs; the adapter must hand them over one at a time.
        const warnings: string[] = [];
        const onWarning = (w: Error): void => void warnings.push(w.message);
        process.on('warning', onWarning);
        try {
          const got = await db.transaction((tx) =>
            Promise.all([
              tx.run('INSERT INTO t_contract (id, flag) VALUES (?, 0)', ['p1']),
              tx.get<{ c: number }>("SELECT count(*) AS c FROM t_contract WHERE id = 'p1'"),
              tx.insertMany(
                't_contract',
                ['id', 'flag'],
                Array.from({ length: 150 }, (_, i) => [`p2-${i}`, 0]),
              ),
              tx.all<{ c: number }>("SELECT count(*) AS c FROM t_contract WHERE id LIKE 'p2-%'"),
              tx.exec("DELETE FROM t_contract WHERE id = 'p1'"),
              tx.get<{ c: number }>("SELECT count(*) AS c FROM t_contract WHERE id = 'p1'"),
            ]),
          );
          assert.deepEqual(got[1], { c: 1 });
          assert.deepEqual(got[3], [{ c: 150 }]);
          assert.deepEqual(got[5], { c: 0 });
          // Warnings are emitted on the next tick.
          await new Promise((resolve) => setImmediate(resolve));
          assert.deepEqual(warnings, []);
        } finally {
          process.off('warning', onWarning);
        }
        await db.run("DELETE FROM t_contract WHERE id LIKE 'p2-%'");
      });

      await t.test('a nested transaction rolls back alone', async () => {
        await db.transaction(async (tx) => {
          await tx.run('INSERT INTO t_contract (id, flag) VALUES (?, 0)', ['n1']);
          await assert.rejects(
            tx.transaction(async (inner) => {
              await inner.run('INSERT INTO t_contract (id, flag) VALUES (?, 0)', ['n2']);
              throw new Error('inner');
            }),
          );
        });
        const ids = (
          await db.all<{ id: string }>("SELECT id FROM t_contract WHERE id LIKE 'n%' ORDER BY id")
        ).map((r) => r.id);
        assert.deepEqual(ids, ['n1']);
      });

      await t.test('foreign keys are enforced', async () => {
        await assert.rejects(db.run('INSERT INTO t_child (id, parent) VALUES (?, ?)', ['c1', 'nope']));
        await db.run('INSERT INTO t_child (id, parent) VALUES (?, ?)', ['c1', 'a']);
      });

      await t.test('a failing statement inside a transaction rolls back the transaction', async () => {
        await assert.rejects(
          db.transaction(async (tx) => {
            await tx.run('INSERT INTO t_contract (id, flag) VALUES (?, 0)', ['f1']);
            await tx.run('INSERT INTO t_contract (id, flag) VALUES (?, 0)', ['f1']);
          }),
        );
        assert.equal(await db.get("SELECT id FROM t_contract WHERE id = 'f1'"), undefined);
      });

      await t.test('migrations apply once, in order, and refuse unknown ids', async () => {
        const ms = [
          { id: '001-a', sql: 'CREATE TABLE m_a (id TEXT PRIMARY KEY)' },
          { id: '002-b', sql: 'CREATE TABLE m_b (id TEXT PRIMARY KEY); CREATE INDEX m_b_id ON m_b (id)' },
        ];
        assert.deepEqual((await migrate(db, ms)).applied, ['001-a', '002-b']);
        assert.deepEqual((await migrate(db, ms)).applied, []);
        await assert.rejects(migrate(db, ms.slice(0, 1)), /does not know \(002-b\)/);
        // A failing migration leaves nothing behind.
        await assert.rejects(
          migrate(db, [...ms, { id: '003-bad', sql: 'CREATE TABLE m_c (id TEXT); SELECT nope FROM m_zz' }]),
        );
        const rec = await db.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
        assert.deepEqual(
          rec.map((r) => r.id),
          ['001-a', '002-b'],
        );
        await db.run('INSERT INTO m_a (id) VALUES (?)', ['ok']);
        await assert.rejects(db.run('INSERT INTO m_c (id) VALUES (?)', ['no']));
      });
    } finally {
      await cleanup();
    }
  });
}
