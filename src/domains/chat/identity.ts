/**
 * Who is typing in chat: a chat user is a Firebreak user only through an
 * email address the chat vendor vouches for and a Firebreak account holds.
 * Anyone else is told how to link, and nothing is recorded in their name.
 */
import type { Db } from '../../db/schema.js';
import type { Actor } from '../auth/identity.js';
import { findUserByEmail } from '../auth/service.js';
import type { ChatApi } from './api.js';

export type ChatIdentity = { ok: true; actor: Actor; user: { id: string; name: string; email: string } } | { ok: false; reply: string };

/** Maps a chat user to a Firebreak user by verified email, or explains how to link. */
export async function identifyChatUser(db: Db, api: ChatApi, chatUserId: string, requestId: string | null): Promise<ChatIdentity> {
  const profile = await api.userProfile(chatUserId);
  if (!profile?.email) {
    return { ok: false, reply: 'Firebreak cannot see your email address in chat (the app needs the users:read.email scope, or your profile hides it), so it cannot tell who you are. Nothing was recorded.' };
  }
  if (!profile.emailVerified) {
    return { ok: false, reply: `Your chat email ${profile.email} is not verified in chat. Verify it there, then try again. Nothing was recorded.` };
  }
  const user = await findUserByEmail(db, profile.email);
  if (!user || user.disabled) {
    return {
      ok: false,
      reply: `No Firebreak account has the email ${profile.email}. To link your chat account, ask an admin to add you with that address (\`firebreak user create --email ${profile.email} --name … --role responder\`) or change your Firebreak email to it, then try again. Nothing was recorded.`,
    };
  }
  return {
    ok: true,
    user: { id: user.id, name: user.name, email: user.email },
    actor: { userId: user.id, label: user.email, role: user.role, via: 'integration', ip: null, requestId },
  };
}
