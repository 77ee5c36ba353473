// Pure: which way an email went, from the account's domains (and ours when known).
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function matchesDomain(email: string, domains: readonly string[]): boolean {
  const d = domainOf(email);
  return domains.some((x) => d === x || d.endsWith(`.${x}`));
}

/** Inbound when the sender is at the account; outbound when it is at our side (or not at the account). */
export function emailDirection(fromEmail: string, accountDomains: readonly string[], ourDomains: readonly string[] = []): 'inbound' | 'outbound' {
  if (matchesDomain(fromEmail, accountDomains)) return 'inbound';
  if (ourDomains.length === 0 || matchesDomain(fromEmail, ourDomains)) return 'outbound';
  // A third party (a partner, a reseller) writing about the account reads as inbound.
  return 'inbound';
}
