/**
 * Review of a postmortem: reviewers comment on one section each (the anchor
 * must name a section that exists), and anyone who may edit resolves a
 * comment. Publishing waits until every comment is resolved (service.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store.js';
import { fromJson } from '../../db/dialect.js';
import { conflict, invalidField, notFound } from '../../errors.js';
import type { Actor } from '../auth/identity.js';
import { recordAudit } from '../audit/service.js';
import { requirePostmortem } from './service.js';
import * as pm from './store.js';
import { anchorExists, commentView, SECTION_ANCHORS, type CommentView, type Sections, type WhyChain } from './views.js';
import { clockNow } from '../../clock.js';

/** Adds a comment anchored to a section; a published postmortem takes none. */
export async function addComment(store: Store, actor: Actor, idOrRef: string, input: { section: string; body: string }, now = clockNow()): Promise<CommentView> {
  return store.transaction(async (trx) => {
    const { incident, row } = await requirePostmortem(trx, actor, idOrRef, true);
    if (row.status === 'published') throw conflict('postmortem-published', 'a published postmortem takes no more comments');
    const items = (await pm.actionItemsOf(trx, row.id)).length;
    if (!anchorExists(input.section, fromJson<Sections>(row.sections) ?? {}, fromJson<WhyChain[]>(row.whys) ?? [], items)) {
      throw invalidField('section', `no section "${input.section}" in this postmortem; one of: ${SECTION_ANCHORS.join(', ')}, or an entry such as contributingFactors[0] that exists`);
    }
    const comment: pm.CommentRow = {
      id: randomUUID(), postmortem_id: row.id, section: input.section, author_id: actor.userId, author_label: actor.label, body: input.body.trim(),
      created_at: now.toISOString(), resolved_at: null, resolved_by: null,
    };
    await pm.insertComment(trx, comment);
    await recordAudit(trx, actor, { action: 'postmortem.comment', targetType: 'postmortem', targetId: row.id, detail: { ref: incident.ref, commentId: comment.id, section: comment.section } });
    return commentView(comment);
  });
}

/** Resolves a comment (once; resolving again changes nothing and answers the same). */
export async function resolveComment(store: Store, actor: Actor, idOrRef: string, commentId: string, now = clockNow()): Promise<CommentView> {
  return store.transaction(async (trx) => {
    const { incident, row } = await requirePostmortem(trx, actor, idOrRef, true);
    const comment = await pm.findComment(trx, row.id, commentId);
    if (!comment) throw notFound(`comment ${commentId}`);
    if (comment.resolved_at === null) {
      await pm.resolveComment(trx, comment.id, now.toISOString(), actor.label);
      await recordAudit(trx, actor, { action: 'postmortem.comment.resolve', targetType: 'postmortem', targetId: row.id, detail: { ref: incident.ref, commentId, section: comment.section } });
    }
    return commentView((await pm.findComment(trx, row.id, commentId))!);
  });
}
