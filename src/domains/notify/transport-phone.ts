/**
 * SMS and voice calls through a Twilio-compatible REST API (Messages.json and
 * Calls.json, form-encoded, HTTP basic auth with the account SID and token),
 * and push notifications through ntfy (a POST of the text to a topic URL).
 * The base URLs are configurable, so self-hosted or compatible services work.
 */
import { DeliveryError } from './delivery-error.js';
import type { DeliverySettings } from './transport.js';
import { answerLine, postOut } from './http-out.js';

export interface PhoneSettings {
  twilioBaseUrl: string;
  twilioAccountSid: string | undefined;
  twilioAuthToken: string | undefined;
  twilioFromNumber: string | undefined;
  ntfyBaseUrl: string;
  ntfyToken: string | undefined;
}

/** The phone and push settings of this process's configuration. */
export function phoneSettings(config: PhoneSettings): PhoneSettings {
  const { twilioBaseUrl, twilioAccountSid, twilioAuthToken, twilioFromNumber, ntfyBaseUrl, ntfyToken } = config;
  return { twilioBaseUrl, twilioAccountSid, twilioAuthToken, twilioFromNumber, ntfyBaseUrl, ntfyToken };
}

async function post(settings: DeliverySettings, url: string, init: { headers: Record<string, string>; body: string }, signal?: AbortSignal): Promise<string> {
  return answerLine(await postOut(settings, url, { method: 'POST', headers: init.headers, body: init.body }, signal));
}

function twilioAccount(phone: PhoneSettings): { sid: string; token: string; from: string } {
  if (!phone.twilioAccountSid || !phone.twilioAuthToken || !phone.twilioFromNumber) {
    throw new DeliveryError('SMS and voice need FIREBREAK_TWILIO_ACCOUNT_SID, FIREBREAK_TWILIO_AUTH_TOKEN and FIREBREAK_TWILIO_FROM_NUMBER', true);
  }
  return { sid: phone.twilioAccountSid, token: phone.twilioAuthToken, from: phone.twilioFromNumber };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Sends an SMS or places a call that reads the text out; returns the API's answer line. */
export async function sendPhone(settings: DeliverySettings, phone: PhoneSettings, kind: 'sms' | 'voice', message: { to: string; text: string }, signal?: AbortSignal): Promise<string> {
  const account = twilioAccount(phone);
  const base = `${phone.twilioBaseUrl.replace(/\/$/, '')}/2010-04-01/Accounts/${encodeURIComponent(account.sid)}`;
  const form = new URLSearchParams({ To: message.to, From: account.from });
  if (kind === 'sms') form.set('Body', message.text.slice(0, 1600));
  else form.set('Twiml', `<Response><Say>${escapeXml(message.text.slice(0, 2000))}</Say></Response>`);
  return post(settings, `${base}/${kind === 'sms' ? 'Messages' : 'Calls'}.json`, {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${account.sid}:${account.token}`).toString('base64')}`,
    },
    body: form.toString(),
  }, signal);
}

/** A push through ntfy's JSON publishing (POST to the base URL); the topic is the contact method's address, actions become buttons on the phone. */
export async function sendPush(
  settings: DeliverySettings,
  phone: PhoneSettings,
  message: { topic: string; title: string; text: string; actions?: Array<{ label: string; url: string }>; click?: string },
  signal?: AbortSignal,
): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (phone.ntfyToken) headers.authorization = `Bearer ${phone.ntfyToken}`;
  const body = {
    topic: message.topic,
    title: message.title.slice(0, 200),
    message: message.text.slice(0, 4000),
    priority: 5,
    tags: ['rotating_light'],
    // HTTP actions are sent from the phone itself: a tap acknowledges without opening a browser.
    actions: (message.actions ?? []).slice(0, 3).map((a) => ({ action: 'http', label: a.label, url: a.url, method: 'POST', clear: true })),
    // Tapping the notification itself opens the war room.
    ...(message.click ? { click: message.click } : {}),
  };
  return post(settings, phone.ntfyBaseUrl.replace(/\/$/, '') + '/', { headers, body: JSON.stringify(body) }, signal);
}
