// The staffing planner on /manager (issue 18.4), over a data folder whose event
// log holds the last two weeks of a skewed centre (land at 35% of visits, 20
// minutes each) served on the real engine: the page says plainly that the
// policy cannot fix the capacity gap, shows each field's need beside its
// counters, and a "what if" moving counter 2 to land re-runs the day.
// Screenshots in tests/artifacts/manager/planner-*.png.
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoConfig } from '@mot-cua/config';
import { manager as dict } from '@mot-cua/config/strings/manager.ts';
import { Store, SqlitePort } from '../../queue-server/src/store/index.ts';
import { demoDemand, seedHistory } from '../../queue-server/src/services/planner.fixture.ts';
import { dayStart, weekday } from '../../queue-server/src/domain/time.ts';
import { axeCheck } from '../support/browser.ts';
import { vnDay } from '../support/dates.ts';
import { repoRoot, startServer } from '../support/server.ts';
import { submitManagerSignIn } from '../support/sign-in.ts';
import { browserSuite } from '../support/suite.ts';

/** Patience for page loads and the simulation; not a speed check. */
const POLL_MS = 60_000;
const ART = path.join(repoRoot, 'tests/artifacts/manager');
mkdirSync(ART, { recursive: true });

const isWeekday = (day: string) => ![0, 6].includes(weekday(dayStart(day) + 12 * 3600_000));
/** The ten working days before today, and the first working day after it (the day planned). */
const HISTORY = Array.from({ length: 20 }, (_, i) => vnDay(-1 - i)).filter(isWeekday).slice(0, 10);
const PLANNED = Array.from({ length: 7 }, (_, i) => vnDay(1 + i)).find(isWeekday)!;

const suite = browserSuite(async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'motcua-planner-'));
  const config = loadDemoConfig();
  const store = Store.open({ file: path.join(dataDir, 'queue.db'), centerId: config.center.id });
  const policy = { kind: config.policy.kind, targetWaitMinutes: config.targets.waitMinutes, priorityAdvanceMinutes: config.policy.priorityAdvanceMinutes };
  await seedHistory(new SqlitePort(store), config, policy, HISTORY, demoDemand(config, { perDay: 150, landShare: 0.35, landMin: 20 }));
  store.close();
  return startServer({ dataDir });
});

describe('the staffing planner on the manager board', () => {
  it('says the policy cannot fix the capacity gap, shows needs beside counters, and tries moving a counter (vi, en)', async () => {
    const c = await suite.context({ viewport: { width: 1600, height: 1100 }, bypassCSP: true, locale: 'vi-VN' });
    const mgr = await c.newPage();
    await submitManagerSignIn(mgr, suite.server.url);
    await mgr.getByRole('link', { name: dict.vi.navPlanner }).click();
    await mgr.getByRole('heading', { name: dict.vi.plannerTitle }).waitFor({ timeout: POLL_MS });
    await mgr.getByLabel(dict.vi.plannerDate).fill(PLANNED);
    await mgr.getByRole('button', { name: dict.vi.plannerRun }).click();
    const findings = mgr.getByTestId('planner-findings');
    const gap = findings.locator('li[data-code=field_gap][data-field=dat-dai]');
    await gap.waitFor({ timeout: POLL_MS });
    expect(await gap.textContent()).toMatch(/^Đất đai: lúc .* cần \d+ quầy, chỉ 2 quầy phục vụ lĩnh vực này\. Chính sách gọi số không bù được thiếu hụt năng lực/);
    expect(await findings.locator('li[data-code=capacity_gap]').textContent()).toContain('Chính sách gọi số không bù được thiếu hụt năng lực');
    expect(await mgr.textContent('body')).toContain(dict.vi.plannerHistory.replace('{days}', '10').split(' (')[0]);
    const land = mgr.getByTestId('planner-table').locator('tr[data-field=dat-dai]');
    const peak = land.locator('td[data-hour="9"]');
    expect(await peak.textContent()).toMatch(/cần \d+ \/ có 2/);
    expect(await peak.getAttribute('class')).toContain('gap');
    await mgr.screenshot({ path: path.join(ART, 'planner-vi.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);

    // What if counter 2 served land only.
    const whatIf = mgr.getByTestId('planner-whatif');
    await whatIf.getByLabel(dict.vi.plannerWhatIfCounter).selectOption('quay-2');
    await whatIf.getByLabel(dict.vi.plannerWhatIfField).selectOption('dat-dai');
    await whatIf.getByRole('button', { name: dict.vi.plannerWhatIfRun }).click();
    const shown = mgr.getByTestId('planner-whatif-shown');
    await shown.waitFor({ timeout: POLL_MS });
    expect(await shown.textContent()).toContain('quầy 2 → Đất đai');
    expect(await shown.textContent()).toMatch(/Trong 15 phút: [\d.]+% → [\d.]+%/);
    await expect.poll(() => peak.textContent(), { timeout: POLL_MS }).toMatch(/có 3/);
    await mgr.screenshot({ path: path.join(ART, 'planner-whatif-vi.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);

    await mgr.getByRole('button', { name: 'English' }).click();
    await mgr.getByRole('heading', { name: dict.en.plannerTitle }).waitFor({ timeout: POLL_MS });
    expect(await gap.textContent()).toContain('No calling policy can make up for missing capacity');
    expect(await shown.textContent()).toContain("The centre's configuration is unchanged.");
    await mgr.screenshot({ path: path.join(ART, 'planner-whatif-en.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
    await shown.getByRole('button', { name: dict.en.plannerWhatIfBack }).click();
    await expect.poll(() => peak.textContent(), { timeout: POLL_MS }).toMatch(/have 2/);
    await mgr.screenshot({ path: path.join(ART, 'planner-en.png'), fullPage: true });
    expect(await axeCheck(mgr)).toEqual([]);
  });
});
