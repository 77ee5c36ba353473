// Pure: which way an email went, from the account's domains (and ours when known).
import { domainToASCII } from 'node:url';

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** A domain in its ASCII (punycode) form, so müller.de and xn--mller-kva.de compare equal (RFC 6532 senders). */
function asciiDomain(d: string): string {
  const lower = d.trim().toLowerCase();
  return /[^\x00-\x7f]/.test(lower) ? domainToASCII(lower) || lower : lower;
}

export function matchesDomain(email: string, domains: readonly string[]): boolean {
  const d = asciiDomain(domainOf(email));
  return domains.some((raw) => {
    const x = asciiDomain(raw);
    return d === x || d.endsWith(`.${x}`);
  });
}

/** Inbound when the sender is at the account; outbound when it is at our side (or not at the account). */
export function emailDirection(fromEmail: string, accountDomains: readonly string[], ourDomains: readonly string[] = []): 'inbound' | 'outbound' {
  if (matchesDomain(fromEmail, accountDomains)) return 'inbound';
  if (ourDomains.length === 0 || matchesDomain(fromEmail, ourDomains)) return 'outbound';
  // A third party (a partner, a reseller) writing about the account reads as inbound.
  return 'inbound';
}
