/**
 * Which channels this process can actually send on. Whatever cannot leave is
 * said where people look ("not sent: no SMTP server is configured"), never
 * shown as sent or "on its way".
 */
import type { DeliveryChannel } from './tables.js';

export interface ChannelSettings {
  smtpUrl?: string | undefined;
  twilioAccountSid?: string | undefined;
  twilioAuthToken?: string | undefined;
  twilioFromNumber?: string | undefined;
}

const PHONE_GAP = 'no SMS/voice provider is configured (FIREBREAK_TWILIO_ACCOUNT_SID, FIREBREAK_TWILIO_AUTH_TOKEN, FIREBREAK_TWILIO_FROM_NUMBER)';

/** Why nothing sent on `channel` can leave this process, or null when it can. */
export function channelGap(settings: ChannelSettings, channel: DeliveryChannel): string | null {
  if (channel === 'email') return settings.smtpUrl ? null : 'no SMTP server is configured';
  if (channel === 'sms' || channel === 'voice') return settings.twilioAccountSid && settings.twilioAuthToken && settings.twilioFromNumber ? null : PHONE_GAP;
  return null;
}

/** What a person is told instead of "on its way" when a message cannot leave: "not sent: no SMTP server is configured". */
export function notSentReason(settings: ChannelSettings, channel: DeliveryChannel): string | null {
  const gap = channelGap(settings, channel);
  return gap ? `not sent: ${gap}` : null;
}
