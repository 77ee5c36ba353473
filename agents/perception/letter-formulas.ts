// The formulas that frame a letter rather than say anything: a salutation line ("Hi Sam,", "Dear
// all,") and a closing line ("Thanks,", "Best regards, Raj") with the signature block under it (name,
// title, company, phone). Scores that average over sentences read them as content: "Thanks," is praise
// to VADER and every signature line is one more neutral sentence, so an angry email with a polite
// sign-off read calmer than the same email without one.

const SALUTATION = /^(?:hi|hello|hey|hiya|dear|greetings|good (?:morning|afternoon|evening)|morning|afternoon|evening|yo)\b[^.!?\n]{0,40}[,!:]?\s*$/i;
const CLOSING = /^(?:(?:many |big |huge )?thanks(?: again| in advance| so much| a lot)?|thank you(?: (?:again|in advance|so much))?|thx|ty|cheers|best(?: wishes| regards)?|(?:kind|warm|warmest|many|best) regards|regards|sincerely|yours(?: sincerely| truly)?|all the best|speak soon|talk soon|take care|br)\b[,.!]?(?:\s*[-–—,]?\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)?)?\s*[,.!]?\s*$/iu;
/** A signature block is short: a few short lines under the closing. */
const SIGNATURE_LINES = 6;
const SIGNATURE_LINE_CHARS = 80;

/** The text without its salutation lines and without a closing line and the signature block under it. */
export function withoutLetterFormulas(text: string): string {
  const lines = text.split('\n');
  let start = 0;
  while (start < lines.length && (lines[start].trim() === '' || SALUTATION.test(lines[start].trim()))) start += 1;
  let end = lines.length;
  for (let k = lines.length - 1; k >= start; k -= 1) {
    if (!CLOSING.test(lines[k].trim())) continue;
    const below = lines.slice(k + 1).filter((l) => l.trim() !== '');
    if (below.length <= SIGNATURE_LINES && below.every((l) => l.trim().length <= SIGNATURE_LINE_CHARS)) end = k;
    break;
  }
  const kept = lines.slice(start, end).join('\n').trim();
  // A message that is nothing but formulas ("Thanks!") keeps its words: that is what it said.
  return kept || text;
}
