/**
 * The war room's follow-ups, in a browser: buttons that perform (and the forms
 * behind them, showing the API's refusal beside the field it names), slash
 * commands with Tab completion, and a 5,000-event timeline whose long entries
 * wrap instead of being cut, still virtualised.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BROWSER_SKIP, deployWithBrowser, newSignedInPage, screenshotDir, seriousViolations, type Deployment } from './harness.js';

const DIR = screenshotDir('war-room-follow-ups');
let dep: Deployment;
let browser: Browser;
deployWithBrowser((d, b) => {
  dep = d;
  browser = b;
});

type State = {
  hypotheses: { open: Array<{ seq: number; text: string }>; confirmed: Array<{ text: string }> };
  counts: { hypothesesRejected: number; mitigationsVerified: number };
  unsafeActions: unknown[];
  roles: Array<{ role: string; label: string }>;
  cohorts: Array<{ value: string }>;
  checklist: { answered: number; items: Array<{ item: string }> };
  reconciliations: Array<{ status: string; lastProgress: { recordsChecked: number | null } | null }>;
};

async function dialogSubmit(page: Page, fill: Record<string, string>, submit: RegExp): Promise<void> {
  const dialog = page.locator('dialog.event-dialog[open]');
  await dialog.waitFor();
  for (const [label, value] of Object.entries(fill)) {
    const field = dialog.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await dialog.getByRole('button', { name: submit }).click();
}

test('every follow-up is one button (or one form) away, and a refusal is shown beside the field it names', { skip: BROWSER_SKIP }, async () => {
  const declared = await dep.call('POST', '/api/v1/incidents', { title: 'Orders stuck in pending', severity: 'SEV2' });
  const ref = (declared.json as { ref: string }).ref;
  const post = async (kind: string, body: unknown) => ((await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind, body })).json as { seq: number }).seq;
  const hypA = await post('hypothesis_proposed', { text: 'the order consumer is stuck' });
  const hypB = await post('hypothesis_proposed', { text: 'the payment webhook is late' });
  const mit = await post('mitigation_started', { action: 'restart the order consumer', expectedSignal: 'pending orders below 100', deadline: new Date(Date.now() + 15 * 60_000).toISOString() });
  await post('unsafe_action_noted', { action: 'do not replay the webhook queue', reason: 'it would double-charge' });
  const obs = await post('observation', { text: 'pending orders at 4,000' });
  const state = async () => (await dep.call('GET', `/api/v1/incidents/${ref}`)).json as State;

  const { page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await page.goto(`${dep.url}/incidents/${ref}`);
  await page.locator('.connection-live').waitFor();

  await page.getByRole('button', { name: `Confirm hypothesis #${hypA}` }).click();
  await page.locator('[aria-labelledby="card-hyp"] .badge.ok').waitFor();

  await page.getByRole('button', { name: `Reject hypothesis #${hypB}` }).click();
  await dialogSubmit(page, { 'Why it is wrong': 'x'.repeat(4001) }, /^Reject$/);
  const beside = page.locator('dialog.event-dialog .field').filter({ hasText: 'Why it is wrong' }).locator('.field-error');
  await beside.waitFor();
  assert.match(await beside.innerText(), /4000/, 'the API’s message for body.reason is beside the reason');
  assert.deepEqual(await seriousViolations(page), [], 'the form with its error');
  await page.screenshot({ path: path.join(DIR, 'form-with-api-error-1366x768.png') });
  await dialogSubmit(page, { 'Why it is wrong': 'the webhook arrived on time' }, /^Reject$/);
  await page.locator('dialog.event-dialog').waitFor({ state: 'detached' });

  await page.getByRole('button', { name: `Worked: mitigation #${mit}` }).click();
  await dialogSubmit(page, { 'What was observed': 'pending orders at 40' }, /Mark verified/);
  await page.getByRole('button', { name: /^Lift "do not replay/ }).click();
  await dialogSubmit(page, { 'Why it is safe now': 'the idempotency keys are deployed' }, /^Lift$/);
  const firstCheck = (await state()).checklist.items[0]!.item;
  await page.getByRole('button', { name: `pass: ${firstCheck}` }).click();
  await page.getByRole('heading', { name: /Recovery checks 1\// }).waitFor();

  await page.getByRole('button', { name: 'Give a role' }).click();
  await dialogSubmit(page, { Role: 'operations', Who: 'me' }, /Assign/);
  await page.getByRole('button', { name: 'Cohort: record one' }).click();
  await dialogSubmit(page, { 'The cohort is': 'cohort_affected', By: 'region', Which: 'eu-west' }, /Record/);
  await page.getByText('Harmed: region eu-west').waitFor();

  await page.getByRole('button', { name: 'Evidence…' }).click();
  await dialogSubmit(page, { Kind: 'link', Title: 'order queue dashboard', 'URL (for a link)': 'not a url' }, /Attach/);
  await page.locator('dialog.event-dialog .field').filter({ hasText: 'URL (for a link)' }).locator('.field-error').waitFor();
  await dialogSubmit(page, { 'URL (for a link)': 'https://grafana.example.test/d/orders' }, /Attach/);
  await page.locator('dialog.event-dialog').waitFor({ state: 'detached' });

  await page.getByRole('button', { name: `Amend #${obs}` }).click();
  await dialogSubmit(page, { 'The correction': 'it was 4,400 pending orders' }, /Record the correction/);
  await page.locator(`li[data-seq="${obs}"] .amended`).waitFor();

  await page.getByRole('button', { name: 'Reconciliation: open one' }).click();
  await dialogSubmit(page, { 'What must be repaired': 'orders charged but still pending', Owner: 'me' }, /^Open$/);
  await page.getByRole('button', { name: /^Progress on reconciliation #/ }).click();
  await dialogSubmit(page, { 'How it is going': 'replaying confirmations', 'Records checked': '120' }, /Record progress/);
  await page.locator('dialog.event-dialog').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /^Close reconciliation #/ }).click();
  await dialogSubmit(page, { Outcome: 'all 120 orders confirmed' }, /^Close$/);
  await page.getByText(/orders charged but still pending \(closed/).waitFor();

  // The entry bar: a role by command, and Tab completing the hypothesis to confirm.
  const entry = page.getByRole('combobox', { name: /Add to the timeline/ });
  await entry.fill('/role comms me');
  await entry.press('Enter');
  await page.locator('[aria-labelledby="card-command"]').getByText('communications').waitFor();
  await entry.fill('/hyp a second consumer is stuck too');
  await entry.press('Enter');
  await page.locator('[aria-labelledby="card-hyp"] .badge.open').waitFor();
  await entry.fill('/confirmed ');
  await page.getByRole('option', { name: /a second consumer is stuck too/ }).waitFor();
  await entry.press('Tab');
  assert.match(await entry.inputValue(), /^\/confirmed #\d+ $/);
  await entry.press('Enter');
  await page.locator('[aria-labelledby="card-hyp"] .badge.open').waitFor({ state: 'detached' });

  const after = await state();
  assert.deepEqual(after.hypotheses.confirmed.map((h) => h.text).sort(), ['a second consumer is stuck too', 'the order consumer is stuck']);
  assert.equal(after.counts.hypothesesRejected, 1);
  assert.equal(after.counts.mitigationsVerified, 1);
  assert.equal(after.unsafeActions.length, 0);
  assert.equal(after.checklist.answered, 1);
  assert.deepEqual(after.roles.map((r) => r.role).sort(), ['commander', 'communications', 'operations']);
  assert.deepEqual(after.cohorts.map((c) => c.value), ['eu-west']);
  assert.deepEqual(after.reconciliations.map((r) => [r.status, r.lastProgress?.recordsChecked]), [['closed', 120]]);
  const events = (await dep.call('GET', `/api/v1/incidents/${ref}/events?limit=500`)).json as { events: Array<{ kind: string }> };
  for (const kind of ['hypothesis_confirmed', 'hypothesis_rejected', 'mitigation_verified', 'unsafe_action_lifted', 'checklist_item_checked', 'role_assigned', 'cohort_affected', 'evidence_attached', 'amended', 'reconciliation_opened', 'reconciliation_progressed', 'reconciliation_closed']) {
    assert.ok(events.events.some((e) => e.kind === kind), `${kind} was recorded`);
  }
  await page.screenshot({ path: path.join(DIR, 'war-room-after-follow-ups-1366x768.png') });
  assert.deepEqual(errors.filter((e) => !/status of 4\d\d/.test(e)), [], 'no console errors beyond the refused requests');
});

test('a 5,000-event timeline stays virtualised, and long entries wrap whole or expand', { skip: BROWSER_SKIP }, async () => {
  const declared = await dep.call('POST', '/api/v1/incidents', { title: 'Replica lag for days', severity: 'SEV3' });
  const ref = (declared.json as { ref: string }).ref;
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < 4996) {
      const i = ++next;
      const res = await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind: 'observation', body: { text: `replica lag sample ${i}` } });
      assert.equal(res.status, 201);
    }
  }));
  const wrapped = `${'the replica fell behind after the vacuum; '.repeat(35)}END-OF-WRAPPED`;
  const long = `${'ERROR consumer poll failed: offset out of range; '.repeat(110)}END-OF-LONG`;
  const wrappedSeq = ((await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind: 'observation', body: { text: wrapped } })).json as { seq: number }).seq;
  const longSeq = ((await dep.call('POST', `/api/v1/incidents/${ref}/events`, { kind: 'note', body: { text: long } })).json as { seq: number }).seq;
  const lastSeq = ((await dep.call('GET', `/api/v1/incidents/${ref}`)).json as { lastSeq: number }).lastSeq;
  assert.ok(lastSeq >= 4999);

  const { page, errors } = await newSignedInPage(browser, dep.url, dep.people.responder);
  await page.goto(`${dep.url}/incidents/${ref}`);
  await page.getByText(`(${lastSeq} events)`).waitFor({ timeout: 30_000 });
  const row = (seq: number) => page.locator(`.timeline-list li[data-seq="${seq}"]`);
  await row(wrappedSeq).waitFor();

  const shownRows = await page.locator('.timeline-list li').count();
  assert.ok(shownRows < 120, `${shownRows} rows in the DOM for ${lastSeq} events`);
  // The whole text is on screen, wrapped over several lines, nothing clipped.
  const wrappedBox = await row(wrappedSeq).locator('.event-text').evaluate((el) => ({ text: el.textContent, scroll: el.scrollHeight, client: el.clientHeight, height: el.getBoundingClientRect().height }));
  assert.equal(wrappedBox.text, wrapped);
  assert.ok(wrappedBox.scroll <= wrappedBox.client + 1, 'not clipped');
  assert.ok(wrappedBox.height > 60, `wrapped over several lines (${wrappedBox.height}px)`);
  // A very long entry shows its start and expands in place; the rows below move down, none overlaps.
  assert.ok(!(await row(longSeq).innerText()).includes('END-OF-LONG'));
  await row(longSeq).getByRole('button', { name: /show all/ }).click();
  await row(longSeq).getByText(/END-OF-LONG/).waitFor();
  const overlaps = () => page.evaluate(() => {
    const items = [...(globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ getBoundingClientRect(): { top: number; bottom: number } }> } }).document.querySelectorAll('.timeline-list li')];
    const boxes = items.map((el) => el.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    return boxes.slice(1).map((b, i) => boxes[i]!.bottom - b.top).filter((d) => d > 1);
  });
  // The list re-measures the expanded row on its next resize notification: wait for the layout to settle, then none may overlap.
  let overlap = await overlaps();
  for (const deadline = Date.now() + 5000; overlap.length > 0 && Date.now() < deadline; overlap = await overlaps()) await page.waitForTimeout(50);
  assert.deepEqual(overlap, [], 'no row overlaps the next');
  await page.screenshot({ path: path.join(DIR, 'long-entries-1366x768.png') });
  // Scrolled to the end: the first event is there.
  await page.locator('.timeline-scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await row(1).waitFor({ timeout: 10_000 });
  assert.deepEqual(errors, []);
});
