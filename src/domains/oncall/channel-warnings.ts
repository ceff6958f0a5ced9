/** At start, one warning per channel in use that this process cannot send on, so a missing SMTP server is never silent. */
import type { AppContext } from '../../app/context.js';
import { channelGap } from '../notify/capabilities.js';
import type { DeliveryChannel } from '../notify/service.js';
import { kindsInUse } from './contact-store.js';

/** Channels in use: email always (pages fall back to a person's account email; codes and notices go by email), others when someone has such a contact method. */
export async function warnAboutUnsendableChannels(ctx: Pick<AppContext, 'config' | 'store' | 'logger'>): Promise<string[]> {
  const inUse = new Set<DeliveryChannel>(['email', ...((await kindsInUse(ctx.store.db)) as DeliveryChannel[])]);
  const warned: string[] = [];
  for (const channel of [...inUse].sort()) {
    const gap = channelGap(ctx.config, channel);
    if (!gap) continue;
    ctx.logger.warn({ channel }, `${channel} cannot be sent: ${gap}; ${channel} pages and messages are recorded as skipped, not sent`);
    warned.push(channel);
  }
  return warned;
}
