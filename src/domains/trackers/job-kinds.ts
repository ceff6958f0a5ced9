/** The trackers' job kinds, declared apart from their handler so the service schedules them without importing it. */
import { Type } from '@sinclair/typebox';
import { defineJobKind } from '../../jobs/definition.js';

/** Attempts before an issue's creation is given up (about an hour of back-off at the default base). */
export const CREATE_ISSUE_MAX_ATTEMPTS = 12;

/** Creates the tracker issue of one action item; retried with back-off while the tracker is down. */
export const createIssueKind = defineJobKind({ kind: 'trackers.create-issue', payload: Type.Object({ actionItemId: Type.String() }), maxAttempts: CREATE_ISSUE_MAX_ATTEMPTS });
