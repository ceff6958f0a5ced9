/**
 * Replay is the projection: random valid event sequences,
 * appended through the service on each dialect, must leave a stored row equal
 * to a fresh replay of the log. The seed is printed, and
 * FIREBREAK_PROPERTY_SEED replays a failing run.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeEachStore } from '../../src/db/testing.js';
import { createTestApp, type TestApp } from '../../src/app/testing.js';
import { cliActor, systemActor, type Actor } from '../../src/domains/auth/identity.js';
import * as service from '../../src/domains/incidents/service.js';
import { factsRowFromLog } from '../../src/domains/metrics/facts.js';
import { findFactsRow } from '../../src/domains/metrics/facts-store.js';
import { incidentLog } from '../../src/domains/postmortems/service.js';
import { randomNextEvent } from '../../src/testing/synthetic-events.js';
import { seededRandom } from '../../src/testing/synthetic-history.js';

describeEachStore('replay equals the stored projection (random valid sequences)', (fixture) => {
  let t: TestApp;
  let person: Actor;
  before(async () => {
    t = await createTestApp(fixture.store);
    const user = (await t.user('responder')).user;
    person = cliActor({ id: user.id, email: user.email, role: user.role });
  });
  after(async () => {
    await t.close();
  });

  const seed = Number(process.env.FIREBREAK_PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31));
  test(`six incidents of 40 random events each: the stored projection and the metrics facts row equal a replay of the log (seed ${seed})`, async () => {
    const random = seededRandom(seed);
    for (let i = 0; i < 6; i++) {
      const byAlerts = i % 2 === 1;
      const declared = byAlerts
        ? await t.ctx.store.transaction((trx) => service.declareIncidentInTx(trx, t.ctx, systemActor('alerts'), { title: `Alerts ${i}`, severity: 'SEV2', impact: 'Alerts firing on checkout' }))
        : await service.declareIncident(t.ctx.store, t.ctx, person, { title: `Random ${i}`, severity: 'SEV2' });
      let state = declared.state;
      const evidence: number[] = [];
      const kinds: string[] = [];
      for (let step = 0; step < 40; step++) {
        const chosen = randomNextEvent(state, random, evidence);
        const label = `seed ${seed}, incident ${i}, step ${step}: ${chosen.kind} ${JSON.stringify(chosen.body)}`;
        if (chosen.system) {
          const id = declared.id;
          state = await t.ctx.store.transaction(async (trx) => (await service.appendInTx(trx, t.ctx, systemActor('alerts'), id, chosen)).state);
        } else {
          const result = await service.appendEvent(t.ctx.store, t.ctx, person, declared.ref, chosen).catch((err: unknown) => assert.fail(`${label} was refused: ${String(err)}`));
          state = result.state;
          if (chosen.kind === 'evidence_attached') evidence.push(result.event.seq);
        }
        kinds.push(chosen.kind);
      }
      const row = await service.getIncidentRow(t.ctx.store.db, declared.id);
      assert.deepEqual(await service.rebuildState(t.ctx.store.db, declared.id), JSON.parse(row!.state), `seed ${seed}, incident ${i}: ${kinds.join(' ')}`);
      assert.equal(row!.last_seq, 41);
      // The metrics facts row, kept on each append, equals the one recomputed from the whole log.
      const replayed = await service.rebuildState(t.ctx.store.db, declared.id);
      assert.deepEqual(await findFactsRow(t.ctx.store.db, declared.id), factsRowFromLog(replayed, await incidentLog(t.ctx.store.db, declared.id)), `facts row, seed ${seed}, incident ${i}: ${kinds.join(' ')}`);
    }
  });
});
