// Direction and routing with internationalised domains: a UTF-8 address (RFC 6532) and the
// account's domain written in punycode (or the other way round) are the same domain.
import { describe, expect, it } from 'vitest';
import { domainOf, emailDirection, matchesDomain } from '../../../agents/signals/direction.js';

describe('internationalised domains', () => {
  it('a Unicode domain matches its punycode form, both ways', () => {
    expect(matchesDomain('jörg@müller-logistik.de', ['xn--mller-logistik-gsb.de'])).toBe(true);
    expect(matchesDomain('jorg@xn--mller-logistik-gsb.de', ['müller-logistik.de'])).toBe(true);
    expect(matchesDomain('ana@sub.müller-logistik.de', ['MÜLLER-logistik.de'])).toBe(true);
    expect(matchesDomain('ana@muller-logistik.de', ['müller-logistik.de'])).toBe(false);
    expect(emailDirection('jörg@müller-logistik.de', ['xn--mller-logistik-gsb.de'], ['ourco.com'])).toBe('inbound');
    expect(domainOf('Ana@Acmefreight.COM')).toBe('acmefreight.com');
  });
});
