import { Type } from '@sinclair/typebox';
import { Body, Email, IsoTime, Uuid, RefId } from '../../http/schemas.js';

export const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('responder'), Type.Literal('viewer')]);
const Password = Type.String({ minLength: 12, maxLength: 1024, description: 'At least 12 characters' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Berlin' });

export const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  timeZone: Type.String(),
  role: RoleSchema,
  createdAt: Type.String(),
  disabled: Type.Boolean(),
});

export const SessionSchema = Type.Object({ user: UserSchema, csrfToken: Type.String(), expiresAt: Type.String() });
export const LoginBody = Body({ email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }) });
export const SetupBody = Body({ token: Type.String({ minLength: 1, maxLength: 200 }), password: Password, name: Type.Optional(Name) });
export const NewUserBody = Body({
  email: Email,
  name: Name,
  role: RoleSchema,
  timeZone: Type.Optional(TimeZone),
  password: Type.Optional(Password),
});
export const UserChangesBody = Body({
  name: Type.Optional(Name),
  timeZone: Type.Optional(TimeZone),
  role: Type.Optional(RoleSchema),
  disabled: Type.Optional(Type.Boolean()),
  password: Type.Optional(Password),
  currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'Your current password; needed to change your own' })),
});

export const TokenSchema = Type.Object({
  id: Uuid,
  userId: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
});
export const NewTokenBody = Body({
  name: Name,
  userId: Type.Optional(RefId('user')),
  expiresAt: Type.Optional(IsoTime),
});
export const CreatedTokenSchema = Type.Composite([TokenSchema, Type.Object({ token: Type.String({ description: 'Shown once; store it now' }) })]);

export const TeamSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  members: Type.Optional(Type.Array(UserSchema)),
});
export const NewTeamBody = Body({ name: Name, description: Type.Optional(Type.String({ maxLength: 2000 })) });
export const TeamMemberParams = Type.Object({ id: Uuid, userId: Uuid });
