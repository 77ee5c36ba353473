// Arrivals named apart from the frame that tells them (issue 15, held-out recall): a hire told with the
// post first and the name in apposition ("we've hired a procurement director, Jonas Berg,"), and a new
// post told in one sentence and its holder named in the next ("We have a new Head of IT. Her name is
// Ines Moll." / "…She's called Ines.").
import type { Sent } from './nlp.js';
import { lemmaLine, type NameSpan } from './frames.js';

const POST = '(?:cfo|ceo|cto|coo|cio|cro|ciso|cpo|vp|svp|evp|head|director|manager|lead|chief|counsel|controller|officer|admin|administrator|analyst|engineer|coordinator|specialist|architect|treasurer|buyer)';

export const ARRIVALS_JOINED: RegExp[] = [
  new RegExp(` (?:hire|recruit|appoint|bring in|bring on|take on|onboard|engage) (?:a|an) (?:new )?(?:\\S+ ){0,3}?${POST}(?: of(?: \\S+){1,3})? , `),
];

/** The holder of a new post named in the sentence after it: "His name is Erik Lund.", "She's called Ines.", "She is Ines Moll, from DHL." */
export function namedInNext(next: Sent | undefined, names: NameSpan[]): string | undefined {
  if (!next) return undefined;
  const line = lemmaLine(next).line;
  const m = /^ (?:(?:his|her|their) name be|(?:he|she) (?:be|'s) (?:call |name )?|it be |(?:that|this) be )/.exec(line);
  if (!m) return undefined;
  const at = m[0].trim().split(' ').length;
  return names.find((n) => n.start === at || n.start === at - 1)?.name;
}
