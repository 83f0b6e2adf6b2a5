import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePeriod, previousPeriod } from '../calendar/period.js';
import { headlineBasis, runIndicator } from './engine/run-indicator.js';
import { SNAPSHOT_DATASETS } from './engine/snapshot-datasets.js';
import { buildIndicatorInput } from './input.js';
import { definitionDiffers, notComparableReason } from './like-for-like.js';
import { INDICATORS } from './registry.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { IndicatorInput, IndicatorSettings } from './types.js';
import { DEFINITION_AFFECTS, VARIANTS } from './variant-catalogue.js';

const IDS = INDICATORS.map((d) => d.id);

/** Each setting of the catalogue with a value other than its default, and that setting's map key. */
function changedSettings(): { key: string; label: string; settings: IndicatorSettings }[] {
  const out: { key: string; label: string; settings: IndicatorSettings }[] = [
    {
      key: 'workingDays',
      label: 'workingDays inclusive',
      settings: { ...DEFAULT_SETTINGS, workingDays: 'inclusive' },
    },
    { key: 'excludeUasc', label: 'excludeUasc true', settings: { ...DEFAULT_SETTINGS, excludeUasc: true } },
  ];
  const text: Readonly<Record<string, string>> = {
    'distance.laua': 'E09000001',
    'careLeavers.ages': '17-18',
  };
  for (const [name, rule] of Object.entries(VARIANTS)) {
    const values =
      rule.kind === 'choice'
        ? rule.values.slice(1)
        : rule.kind === 'flag'
          ? [true]
          : rule.kind === 'text'
            ? [text[name]!]
            : [];
    for (const value of values) {
      out.push({
        key: name,
        label: `${name} ${value}`,
        settings: { ...DEFAULT_SETTINGS, variants: { [name]: value } },
      });
    }
  }
  return out;
}

/** Every indicator's headline figure (status, numerator, denominator, extra figures) for a period. */
function figures(input: IndicatorInput, period: string, settings: IndicatorSettings): Map<string, string> {
  const p = parsePeriod(period);
  return new Map(
    INDICATORS.map((def) => {
      const c = runIndicator(def, input, p, headlineBasis(def, settings), settings, { members: false });
      return [def.id, JSON.stringify([c.engineStatus, c.numerator, c.denominator, c.extra ?? null])];
    }),
  );
}

test('every setting of the catalogue is in the map of what it affects, and the map names real indicators', () => {
  for (const name of Object.keys(VARIANTS)) assert.ok(DEFINITION_AFFECTS[name], `${name} is not mapped`);
  for (const [setting, ids] of Object.entries(DEFINITION_AFFECTS)) {
    for (const id of ids) assert.ok(IDS.includes(id), `${setting}: ${id} is not an indicator id`);
  }
});

// The map is pinned by the figures: on each dataset of the figures snapshot (the synthetic LA synth-841, the
// indicators bench's LA, the chains bench's children in care), over each pinned period and the two quarters
// before it, every indicator whose figure moves when one setting is changed from
// its default must be listed for that setting (else this LA's figure under the setting would be ranked among
// other LAs' default-definition figures).
for (const d of SNAPSHOT_DATASETS) {
  test(`${d.name}: every indicator a setting moves is in the map for that setting`, () => {
    const input = buildIndicatorInput(d.data());
    const periods = [
      ...new Set(
        d.cases.flatMap((c) => {
          const p = parsePeriod(c.period);
          return [p.id, previousPeriod(p).id, previousPeriod(previousPeriod(p)).id];
        }),
      ),
    ];
    const base = new Map(periods.map((p) => [p, figures(input, p, DEFAULT_SETTINGS)]));
    const moved = new Map<string, Set<string>>();
    for (const s of changedSettings()) {
      const listed = DEFINITION_AFFECTS[s.key] ?? [];
      for (const p of periods) {
        for (const [id, f] of figures(input, p, s.settings)) {
          if (f === base.get(p)!.get(id)) continue;
          (moved.get(s.key) ?? moved.set(s.key, new Set()).get(s.key)!).add(id);
          assert.ok(listed.includes(id), `${s.label} moves ${id} in ${p}, but the map does not list it`);
          assert.deepEqual(definitionDiffers(id, s.settings), [s.label], `${s.label} ${id}`);
        }
      }
    }
    // The comparison sees a change: the settings of the bug's example move their indicator.
    if (d.name === 'synth-841') assert.ok(moved.get('cpVisits.interval')?.has('cp-visits-10wd'));
    // A basis other than the catalogue's moves only that indicator.
    for (const def of INDICATORS) {
      const other = def.bases.find((b) => b !== def.basis && b !== 'annual');
      if (!other) continue;
      const settings = { ...DEFAULT_SETTINGS, basis: { [def.id]: other } };
      const p = periods[0]!;
      for (const [id, f] of figures(input, p, settings)) {
        if (id !== def.id) assert.equal(f, base.get(p)!.get(id), `${def.id}.basis ${other} moves ${id}`);
      }
      assert.deepEqual(definitionDiffers(def.id, settings), [`${def.id}.basis ${other}`]);
    }
  });
}

test('definitionDiffers names the settings that change an indicator, and none at their defaults', () => {
  const s: IndicatorSettings = {
    workingDays: 'inclusive',
    excludeUasc: true,
    basis: { 'cp-visits-10wd': 'ytd', 'cic-count': 'snapshot' },
    variants: {
      'cpVisits.interval': 15,
      'cpVisits.seenAlone': false,
      'icpc.anchor': 'strategy',
      'suppression.k': 10,
    },
  };
  assert.deepEqual(definitionDiffers('cp-visits-10wd', s), [
    'workingDays inclusive',
    'cp-visits-10wd.basis ytd',
    'cpVisits.interval 15',
  ]);
  assert.deepEqual(definitionDiffers('icpc-15wd', s), ['workingDays inclusive', 'icpc.anchor strategy']);
  assert.deepEqual(definitionDiffers('cic-count', s), ['excludeUasc true']);
  assert.deepEqual(definitionDiffers('referrals-rereferral-12m', s), []);
  assert.deepEqual(definitionDiffers('cp-visits-10wd', DEFAULT_SETTINGS), []);
  // Written out at their defaults (as a settings file may), nothing differs.
  const defaults: IndicatorSettings = {
    ...DEFAULT_SETTINGS,
    variants: { 'cpVisits.interval': 10, 'careLeavers.ages': '19 - 21', 'distance.laua': '' },
  };
  for (const id of IDS) assert.deepEqual(definitionDiffers(id, defaults), [], id);
  assert.equal(
    notComparableReason(['cpVisits.interval 15']),
    "this council's settings change the definition: cpVisits.interval 15; other LAs' figures use the standard definition",
  );
});
