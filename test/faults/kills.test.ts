/**
 * A build killed at any moment, or started while another runs, never leaves a broken
 * dist/ or loses content: dist/ is always the last good site or the new one, byte for
 * byte, and the next build finishes the job. (A full disk and read-only folders:
 * starved.test.ts, which runs beside this file.)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildStages } from '../../scripts/build/stages.ts';
import { loadPlans } from '../../src/model/plan-files.ts';
import { suiteTemporaryFolder } from '../temporary.ts';
import { random as seededRandom } from '../../scripts/bench/synthetic-corpus.ts';
import { buildToEnd, makeTree, siteDigest, startBuild, useVariant, type Variant } from './harness.ts';

/**
 * One kill aimed at each stage, at a random moment in it. A kill that lands after the
 * build ended counts as an attempt and is tried again, sooner, up to three times.
 */
const kills = buildStages.length;
const attemptsPerStage = 3;
const seed = 20261206;

describe('a build killed at random moments in every stage', () => {
  const tree = join(suiteTemporaryFolder('atlas-faults-'), 'tree');
  const clean: Partial<Record<Variant, string>> = {};
  /** How long each stage took in a whole build, in ms. */
  const stageTime = new Map<string, number>();

  beforeAll(async () => {
    makeTree(tree);
    // Clean builds of both variants, the first timed stage by stage.
    for (const variant of ['one', 'two'] as const) {
      useVariant(tree, variant);
      const build = startBuild(tree, { PLAN_ATLAS_CLEAN_BUILD: '1' });
      let last = Date.now();
      for (const [index, stage] of buildStages.entries()) {
        await build.printed(new RegExp(`\\[${index + 1}/${buildStages.length}\\] ${stage.name}`));
        const now = Date.now();
        if (index > 0 && variant === 'one') stageTime.set(buildStages[index - 1]!.name, now - last);
        last = now;
      }
      expect(await build.done, build.output().slice(-4000)).toBe(0);
      if (variant === 'one') stageTime.set(buildStages.at(-1)!.name, Date.now() - last);
      clean[variant] = siteDigest(join(tree, 'dist'))!;
    }
  });

  it('the two sites differ, so a check that dist/ is one of them tells them apart', () => {
    expect(clean.one).not.toBe(clean.two);
  });

  it(`leaves dist/ whole after each of ${kills} kills inside a running build, and the next build equals a clean build byte for byte`, async () => {
    const random = seededRandom(seed);
    let live: Variant = 'two';
    let killedMidBuild = 0;
    const killedIn = new Map<string, number>();
    let staleLocks = 0;
    let attempts = 0;
    for (const [stageIndex, stage] of buildStages.entries()) {
      for (let attempt = 0; attempt < attemptsPerStage; attempt += 1) {
        attempts += 1;
        const target: Variant = live === 'one' ? 'two' : 'one';
        useVariant(tree, target);
        const build = startBuild(tree);
        const reached = await build.printed(new RegExp(`\\[${stageIndex + 1}/${buildStages.length}\\] ${stage.name}`));
        const window = (stageTime.get(stage.name) ?? 1000) / 2 ** attempt;
        if (reached) await new Promise((resolve) => setTimeout(resolve, random() * window));
        build.kill();
        const status = await build.done;
        if (/took over the lock/u.test(build.output())) staleLocks += 1;
        const now = siteDigest(join(tree, 'dist'));
        expect([clean.one, clean.two], `after kill ${attempts} (in ${stage.name}): dist/ is neither site`).toContain(now);
        if (now === clean[target]) live = target;
        // Whatever mix of old and new plans content/ holds, each file is whole.
        expect(() => loadPlans(join(tree, 'content')), `after kill ${attempts}`).not.toThrow();
        if (status === null) {
          killedMidBuild += 1;
          killedIn.set(stage.name, (killedIn.get(stage.name) ?? 0) + 1);
          break;
        }
      }
    }
    // The kills must land inside a running build, in every stage, or this proves little.
    expect(killedMidBuild).toBe(kills);
    for (const stage of buildStages) expect(killedIn.get(stage.name) ?? 0, `kills in ${stage.name}`).toBe(1);
    expect(staleLocks).toBeGreaterThan(0);

    // The next build finishes the job (the test below then switches to the other site).
    useVariant(tree, 'one');
    await buildToEnd(tree);
    expect(siteDigest(join(tree, 'dist')), 'the build after the kills').toBe(clean.one);
    const where = buildStages.map((stage) => `${stage.name} ${killedIn.get(stage.name) ?? 0}`).join(', ');
    console.log(`faults: ${killedMidBuild} of ${attempts} kills inside a running build (${where}); dist/ whole after each, content/ readable, the next build byte for byte a clean one`);
  }, 900_000);

  it('runs one build at a time: a second one stops and names the first, which finishes', async () => {
    useVariant(tree, 'two');
    const first = startBuild(tree);
    await first.printed(/\[1\/\d\] ingest/u);
    const second = startBuild(tree);
    const [firstStatus, secondStatus] = await Promise.all([first.done, second.done]);
    expect(secondStatus).toBe(75);
    expect(second.output()).toMatch(/another build is running \(process \d+ on .+, started \d{4}-/u);
    expect(second.output()).toMatch(/hint: wait for it to finish, or stop it \(kill \d+\)/u);
    expect(firstStatus).toBe(0);
    expect(siteDigest(join(tree, 'dist'))).toBe(clean.two);
    expect(existsSync(join(tree, '.cache', 'build.lock'))).toBe(false);
  }, 300_000);
});
