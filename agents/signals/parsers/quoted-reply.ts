// Quoted history removed from an email body, so a signal's text is what this message said.
// Recognised: "On … wrote:" attributions (also wrapped over two or three lines, and the French,
// German, Spanish, Italian, Dutch, Portuguese and Scandinavian forms), Yahoo's "--- On … wrote:",
// mutt's "* Name <addr> [date]:", ">" lines, and Outlook's "-----Original Message-----"
// and "From: … Sent: …" header blocks. Forwarded messages are content: the block after a
// "Forwarded message" marker (or, for a message whose subject says it is forwarded, the first
// Outlook header block) is kept with its header. A forward quoted with ">" lines is content too when
// the sender introduces it ("Forwarding Owen's note below:", "see below from our CFO", a "Begin
// forwarded message:" marker or a Fwd: subject over the quote): it is kept unquoted under a forward
// marker, with its attribution as a From: line, so a second pass over the result keeps it as well.

/** "wrote" as mail clients write it in the languages recognised, Slavic, Nordic, Baltic and others included. */
const WROTE = String.raw`(?:wrote|schrieb|a\s+écrit|escribió|ha\s+scritto|schreef|escreveu|skrev|написал(?:а|\(а\))?|пишет|написав|napisał(?:a|\(a\))?|napsal(?:a|\(a\))?|napisal(?:a)?|kirjoitti|írta|scrise|yazdı|rašė|rakstīja|kirjutas|έγραψε)`;
/** A date first ("02.04.2012 14:20 …", "2026-03-04 …", "4/3/26 …"), as Android and Russian, Polish or Czech clients start an attribution. */
const DATE_FIRST = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}[ ,]/;
/** The opening word of an attribution line in the languages we recognise, or its date. */
const ATTRIBUTION_START = new RegExp(String.raw`^(On|Le|Am|El|Il|Op|Em|Den|-{2,3}\s*On|\*)\s|${DATE_FIRST.source}`);
/** "02.04.2012 14:20 пользователь "Bob" <bob@x.com> написал:" (a date, someone, "wrote"), over up to three lines. */
const DATED_ATTRIBUTION = new RegExp(String.raw`${DATE_FIRST.source}.{0,240}(?:\s|>)${WROTE}\s*:$`, 'iu');
/** A dated line that ends with the sender's bracketed address and a colon (Yandex, Mail.ru): '26.06.2026, 14:41, "Ana" <ana@x.com>:'. */
const ADDRESSED_ATTRIBUTION = /^(?=.*\b(?:19|20)\d{2}\b)(?=.*\b\d{1,2}:\d{2}\b).{0,200}[<[][^\s<>[\]@]+@[^\s<>[\]]+[>\]]\s*:$/;
const ATTRIBUTION = [
  /^On\s.+(?:\s|>)wrote:?$/i, // Gmail wraps before the address and glues the rest: "<addr>wrote:"
  /^Le\s.+\sa\s+écrit\s*:?$/i,
  /^Am\s.+\sschrieb\b.*:$/i,
  /^El\s.+\sescribió\s*:?$/i,
  /^Il\s.+\sha\s+scritto\s*:?$/i,
  /^Op\s.+\sschreef\b.*:$/i,
  /^Em\s.+\sescreveu\s*:?$/i,
  /^Den\s.+\sskrev\b.*:$/i,
  /^-{2,3}\s*On\s.+\swrote:?$/i, // Yahoo: "--- On Mon, 11/16/26, Name <addr> wrote:"
  DATED_ATTRIBUTION,
  ADDRESSED_ATTRIBUTION,
  /^\*\s+.{0,200}<?[^\s<>]+@[^\s<>]+>?\s\[[^\]]*\d{2}[^\]]{2,60}\]:$/, // mutt (an address and a date, so a bullet is not one): "* Name <addr> [2026-11-16 10:00:00 +0000]:"
];
/** "Sam Patel <sam@ourco.com> wrote:" with no date, as some clients write it. */
const BARE_ATTRIBUTION = new RegExp(String.raw`^.{1,200}(?:\s|>)${WROTE}\s*:$`, 'iu');

const FORWARD_MARKER = /^(-{2,}\s*(Forwarded message|Weitergeleitete Nachricht|Message transféré|Mensaje reenviado|Messaggio inoltrato|Doorgestuurd bericht)\s*-{2,}|Begin forwarded message:|Anfang der weitergeleiteten Nachricht:)/i;
const ORIGINAL_MESSAGE = /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale|Oorspronkelijk bericht|Исходное сообщение|Oryginalna wiadomość|Původní zpráva|Ursprungligt meddelande|Oprindelig meddelelse|Opprinnelig melding|Alkuperäinen viesti|Orijinal İleti|元のメッセージ|原始邮件)\s*-{2,}$/iu;
const SEPARATOR = /^_{10,}$/;
const RULE = /^\s*(?:[-_=*]\s*){10,}$/;
// Outlook's header block in the languages recognised; also Russian, Polish, Czech, the Nordic
// languages, Finnish, Turkish, Japanese and Chinese, whose Outlook writes its own names.
const FROM_NAMES = 'From|Von|De|Van|Da|От|Od|Från|Fra|Lähettäjä|Kimden|差出人|发件人|寄件者';
const DATE_NAMES = 'Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden|Inviato|Data|Отправлено|Дата|Wysłano|Odesláno|Skickat|Sendt|Lähetetty|Gönderildi|Tarih|送信日時|发送时间|傳送時間|日時';
const OTHER_NAMES = 'To|Cc|Bcc|Subject|Reply-To|An|Betreff|À|Objet|Para|Asunto|Aan|Onderwerp|A|Oggetto|Кому|Копия|Тема|Do|DW|Temat|Komu|Kopie|Předmět|Till|Kopia|Ämne|Til|Emne|Vastaanottaja|Kopio|Aihe|Kime|Bilgi|Konu|宛先|件名|收件人|抄送|主题|收件者|主旨';
const header = (names: string) => new RegExp(String.raw`^\*?(?:${names})\*?[:：]\*?\s`, 'iu');
const HEADER_FROM = header(FROM_NAMES);
const HEADER_DATE = header(DATE_NAMES);
const HEADER_ANY = header(`${FROM_NAMES}|${DATE_NAMES}|${OTHER_NAMES}`);

/**
 * The sender's own words announcing a forward. Reply history under an "X wrote:" line is a forward only
 * on these; "see below" alone there is how inline answers start.
 */
const FORWARD_INTRO = /\b(?:fwd|fw|forwarding|forwarded (?:below|from|on|along|to me)|pass(?:ing)? (?:this |it |that |these )?(?:along|on)|below from|(?:from|by) (?:[\w'’.-]+ ){1,4}below|[\w’]+['’]s (?:\w+ )?(?:note|email|e-mail|mail|message|reply|update|announcement|memo|answer|response) below|(?:note|email|e-mail|mail|message|memo|announcement|thread) below|thought you(?:'d| should| would| might)? (?:want to |like to )?(?:see|know|read|have)|fyi\b[^.\n]{0,40}\bbelow)\b/i;
/** A quote with no attribution (a pasted forward) only needs the sender to point at it. */
const POINTED_AT = /\b(?:see|read|find|note) (?:\S+ ){0,3}?below\b|\bbelow[:.]?\s*$/im;
/** Inline answers pointed at ("see my answers below", "comments inline"): the quote is what they answer. */
const INLINE_ANSWERS = /\b(?:my|our)\s+(?:\w+\s+)?(?:answers?|comments?|repl(?:y|ies)|responses?|notes?|thoughts?|edits?|feedback)\b|\b(?:answers?|comments?|responses?|repl(?:y|ies))\s+(?:are\s+)?(?:inline|in line|below)\b|\binline\b/i;

export interface StripOptions {
  /** The message is a forward (its subject starts with Fwd:/FW:/WG:/TR:): its first Outlook header block is kept. */
  forwarded?: boolean;
}

const isQuote = (line: string) => /^\s*>/.test(line);
const nextNonBlank = (lines: string[], from: number) => {
  for (let j = from; j < lines.length; j += 1) if (lines[j].trim()) return j;
  return -1;
};

/** How many lines (1–3) starting at i make one attribution, or 0 when none does. */
function attributionAt(lines: string[], i: number): number {
  const first = lines[i].trim();
  for (let n = 1; n <= 3 && i + n <= lines.length; n += 1) {
    if (n > 1 && !ATTRIBUTION_START.test(first)) break;
    const joined = lines.slice(i, i + n).map((l) => l.trim()).join(' ');
    if (ATTRIBUTION.some((re) => re.test(joined))) return n;
  }
  if (BARE_ATTRIBUTION.test(first)) {
    const j = nextNonBlank(lines, i + 1);
    if (j >= 0 && isQuote(lines[j])) return 1;
  }
  return 0;
}

/**
 * True when an Outlook-style header block starts at i: consecutive header lines, five at most, with a
 * From and a Sent/Date among them (Outlook starts with From; Hotmail wrote Date, Subject, From, To).
 */
function headerBlockAt(lines: string[], i: number): boolean {
  let from = false;
  let date = false;
  for (let j = i; j < Math.min(lines.length, i + 5); j += 1) {
    const l = lines[j].trim();
    if (!HEADER_ANY.test(l)) return false;
    from ||= HEADER_FROM.test(l);
    date ||= HEADER_DATE.test(l);
    if (from && date) return true;
  }
  return false;
}

/** The index after a header block starting at i (the block ends at the first line that is not a header). */
function skipHeaderBlock(lines: string[], out: string[], i: number): number {
  let j = i;
  while (j < lines.length && (HEADER_ANY.test(lines[j].trim()) || (j > i && /^\s+\S/.test(lines[j]) && lines[j - 1].trim()))) {
    out.push(lines[j]);
    j += 1;
  }
  return j;
}

const FORWARD_LINE = '---------- Forwarded message ---------';

/** Who an attribution names ("On Mon, 9 Nov 2026, Owen Pratt <owen@x.com> wrote:" → "Owen Pratt <owen@x.com>"). */
function attributedTo(attribution: string): string | undefined {
  const m = new RegExp(String.raw`(?:^|,)\s*([^,]+?)\s+${WROTE}(?![\p{L}])`, 'iu').exec(attribution.replace(/^-{2,3}\s*|^\*\s+/, ''));
  const who = m?.[1].replace(/^(?:On|Le|Am|El|Il|Op|Em|Den)\s.*\d.*\s(?=\S+\s*<)/, '').trim();
  return who && !/^\d/.test(who) ? who : undefined;
}

/**
 * The ">" block starting at i, one level unquoted and stripped of its own history, and the index after
 * it (the block runs over blank lines to the first unquoted line).
 */
function quotedBlock(lines: string[], i: number): { text: string; end: number } {
  const inner: string[] = [];
  let j = i;
  for (; j < lines.length && (isQuote(lines[j]) || !lines[j].trim()); j += 1) inner.push(lines[j].replace(/^\s*>\s?/, ''));
  while (j > i && !lines[j - 1].trim()) { j -= 1; inner.pop(); }
  return { text: strip(inner.join('\n'), { forwarded: true }, false), end: j };
}

/** Whether the sender's words so far introduce the quote that follows as a forward. */
function introducesForward(out: string[], attributed: boolean, opts: StripOptions): boolean {
  const own = out.join('\n');
  if (FORWARD_MARKER.test(own.trim().split('\n').pop()?.trim() ?? '')) return true; // "Begin forwarded message:" just above
  if (out.some((l) => FORWARD_MARKER.test(l.trim()))) return false; // the forward is already there: a quote after it is history
  return opts.forwarded === true || FORWARD_INTRO.test(own) || (!attributed && POINTED_AT.test(own) && !INLINE_ANSWERS.test(own));
}

export function stripQuotedReply(text: string, opts: StripOptions = {}): string {
  return strip(text, opts, true);
}

/** `quotedForwards`: whether a ">" block may be a forward (not inside a forward, where quotes are its history). */
function strip(text: string, opts: StripOptions, quotedForwards: boolean): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let forwardsKept = 0;
  /** Keeps the ">" block at `at` as a forward (attributed to `from`), or returns false when it is history. */
  const keptForward = (at: number, from: string | undefined, attributed: boolean): number | false => {
    if (!quotedForwards) return false;
    const said = out.filter((l) => l.trim());
    const underMarker = FORWARD_MARKER.test(said[said.length - 1]?.trim() ?? '');
    if (forwardsKept > 0 && !underMarker) return false;
    if (!introducesForward(said, attributed, opts)) return false;
    const block = quotedBlock(lines, at);
    if (!block.text) return false;
    forwardsKept += 1;
    if (!underMarker && !FORWARD_MARKER.test(block.text.split('\n')[0].trim())) out.push('', FORWARD_LINE);
    if (from && !HEADER_FROM.test(block.text)) out.push(`From: ${from}`, '');
    out.push(block.text, '');
    return block.end - 1;
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const t = line.trim();
    if (isQuote(line)) {
      const end = keptForward(i, undefined, false);
      if (end === false) continue;
      i = end;
      continue;
    }
    if (FORWARD_MARKER.test(t) || (opts.forwarded && forwardsKept === 0 && ORIGINAL_MESSAGE.test(t))) {
      forwardsKept += 1;
      out.push(line);
      const h = nextNonBlank(lines, i + 1);
      if (h >= 0 && HEADER_ANY.test(lines[h].trim())) {
        out.push(...lines.slice(i + 1, h)); // blank lines between the marker and its header
        i = skipHeaderBlock(lines, out, h) - 1;
      }
      continue;
    }
    const sepThenHeader = SEPARATOR.test(t) && nextNonBlank(lines, i + 1) >= 0 && headerBlockAt(lines, nextNonBlank(lines, i + 1));
    if (sepThenHeader || headerBlockAt(lines, i)) {
      if (opts.forwarded && forwardsKept === 0) {
        forwardsKept += 1;
        if (sepThenHeader) out.push(line);
        i = skipHeaderBlock(lines, out, sepThenHeader ? nextNonBlank(lines, i + 1) : i) - 1;
        continue;
      }
      break; // a reply's quoted header block: the rest is history
    }
    if (ORIGINAL_MESSAGE.test(t)) break;
    const n = attributionAt(lines, i);
    if (n > 0) {
      const after = nextNonBlank(lines, i + n);
      if (after >= 0 && isQuote(lines[after])) {
        const end = keptForward(after, attributedTo(lines.slice(i, i + n).map((l) => l.trim()).join(' ')), true);
        i = end === false ? i + n - 1 : end; // the attribution goes; its ">" lines are skipped (or kept as a forward); a reply written below them stays
        continue;
      }
      break; // an attribution over unquoted history (HTML mail): the rest is history
    }
    out.push(line);
  }
  // A rule drawn above the history that was cut (Outlook's dashes, an <hr> as text) is not the sender's words.
  while (out.length && (!out[out.length - 1].trim() || RULE.test(out[out.length - 1]))) out.pop();
  return out.join('\n').replace(/\n(?:[ \t]*\n){2,}/g, '\n\n').trim();
}

/** True when a subject says the message is a forward: "Fwd: …", Netscape's "[Fwd: …]", Pine's "… (fwd)". */
export function isForwardSubject(subject: string): boolean {
  return /^\s*\[?\s*(fwd?|fw|wg|tr|rv|enc|doorst)\s*:/i.test(subject) || /\(fwd\)\s*$/i.test(subject);
}
