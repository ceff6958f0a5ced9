/** Goals and outcomes in words, shared by the drill screens. */
export function goalText(goal: { kind: string; minutes: number }): string {
  return `${goal.kind.replace('_', ' ')} within ${goal.minutes} min`;
}

export function secondsText(seconds: number | null): string {
  if (seconds === null) return '—';
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}
