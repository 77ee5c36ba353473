// Removes the quoted history from an email reply, so memory holds what this message said.
const CUT_LINES = [
  /^On .{3,200}wrote:\s*$/i,                     // Gmail / Apple Mail
  /^-{2,}\s*Original Message\s*-{2,}/i,           // Outlook
  /^From: .+$/i,                                  // Outlook header block ("From: … Sent: …")
  /^_{5,}$/,
  /^Le .{3,200} a écrit\s*:\s*$/i,
  /^Am .{3,200} schrieb .{0,200}:\s*$/i,
];

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  // A forwarded message is the content: its header block is kept, not taken for a quote.
  let forwardedHeader = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (/^\s*>/.test(line)) continue;
    if (/^-{2,}\s*Forwarded message\s*-{2,}|^Begin forwarded message:/i.test(line.trim())) { forwardedHeader = true; kept.push(line); continue; }
    if (forwardedHeader && /^From: /i.test(line.trim())) { forwardedHeader = false; kept.push(line); continue; }
    if (CUT_LINES.some((re) => re.test(line.trim()))) {
      // "From:" only starts a quoted header block when a Sent:/Date: line follows.
      if (/^From: /i.test(line.trim()) && !/^(Sent|Date):/i.test((lines[i + 1] ?? '').trim())) { kept.push(line); continue; }
      break;
    }
    kept.push(line);
  }
  const out = kept.join('\n').trim();
  return out.length > 0 ? out : text.trim();
}
