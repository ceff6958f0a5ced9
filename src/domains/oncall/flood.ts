/** Page flood protection as plain rules: a per-person budget per minute, and the digest of what was folded. */

/** True when one more page fits: fewer than `perMinute` pages were sent to the person in the last minute. */
export function withinBudget(sentInLastMinute: number, perMinute: number): boolean {
  return sentInLastMinute < perMinute;
}

/** The digest of folded pages: "12 more alert groups on checkout-api, db", then the still-open titles. */
export function digestText(groups: number, services: readonly string[], openTitles: readonly string[]): { headline: string; body: string } {
  const names = [...new Set(services)].sort();
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more services` : '');
  const headline = `${groups} more alert group${groups === 1 ? '' : 's'} on ${shown}`;
  const list = openTitles.slice(0, 20).map((t) => `- ${t}`);
  const more = openTitles.length > 20 ? [`…and ${openTitles.length - 20} more`] : [];
  return { headline, body: [headline, 'These were held back so you are not paged for each one.', '', ...list, ...more].join('\n') };
}
