/** The runbook job kinds, declared apart from their handlers so the service can schedule them without importing them. */
import { Type } from '@sinclair/typebox';
import { defineJobKind } from '../../jobs/definition.js';

/** Checks every http(s) link of one runbook with a HEAD request and stores the results. */
export const checkLinksKind = defineJobKind({ kind: 'runbooks.check-links', payload: Type.Object({ runbookId: Type.String() }) });

/** Once a day: schedules every runbook's link check and reminds the owners of rotting runbooks. */
export const rotSweepKind = defineJobKind({ kind: 'runbooks.rot-sweep', payload: Type.Object({}) });
