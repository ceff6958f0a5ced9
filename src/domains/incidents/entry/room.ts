/** What the entry bar knows of the room: the open items a command can point at, from the incident's projection. */
import type { Room } from './command-kit.js';

/** The parts of an incident's projection a room is read from (the API's and the server's state both fit). */
export interface RoomSource {
  hypotheses: { open: ReadonlyArray<{ seq: number; text: string }> };
  mitigations: { active: ReadonlyArray<{ seq: number; action: string }> };
  unsafeActions: ReadonlyArray<{ seq: number; action: string }>;
  reconciliations: ReadonlyArray<{ seq: number; scope: string; status: string }>;
  checklist: { items: ReadonlyArray<{ item: string; result?: string | null }> };
  roles: ReadonlyArray<{ role: string; specialty?: string | null }>;
}

export function roomOf(state: RoomSource, people?: Room['people']): Room {
  return {
    hypotheses: state.hypotheses.open.map((h) => ({ seq: h.seq, text: h.text })),
    mitigations: state.mitigations.active.map((m) => ({ seq: m.seq, text: m.action })),
    unsafe: state.unsafeActions.map((u) => ({ seq: u.seq, text: u.action })),
    reconciliations: state.reconciliations.filter((r) => r.status !== 'closed').map((r) => ({ seq: r.seq, text: r.scope })),
    checks: state.checklist.items.filter((i) => !i.result).map((i) => i.item),
    roles: state.roles.map((r) => (r.role === 'specialist' && r.specialty ? `specialist ${r.specialty}` : r.role)),
    ...(people ? { people } : {}),
  };
}
