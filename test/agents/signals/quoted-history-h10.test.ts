// Quoted history as more mail clients write it (classes found by running the importer over mail
// reply test suites, talon and email_reply_parser): attributions dated first or in Russian and
// Polish, Gmail's wrapped "<addr>wrote:", Yandex's and Mail.ru's "date, name <addr>:", Outlook's
// header block in other languages, Hotmail's block that starts with Date, and the rule drawn above
// the history. The signal's text must be the sender's own words only.
import { describe, expect, it } from 'vitest';
import { stripQuotedReply } from '../../../agents/signals/parsers/quoted-reply.js';

const reply = 'Works for us. Send the order form.';
const strip = (...history: string[]) => stripQuotedReply([reply, '', ...history].join('\n'));

describe('attributions', () => {
  it('dated first, in Russian, over two lines', () => {
    expect(strip('14.05.2026 09:12 пользователь "Irina Volkova" <', 'irina@severtrans.example> написал:', '', '> Can you confirm the quantity?')).toBe(reply);
  });

  it('in Polish', () => {
    expect(strip('W dniu 14.05.2026 o 09:12, Jan Nowak <jan@wisla.example> napisał:', '> Czy termin jest aktualny?')).toBe(reply);
  });

  it('Gmail\'s wrapped "<addr>wrote:"', () => {
    expect(strip('On Thu, May 14, 2026 at 9:12 AM, Dee Harper', '<dee@lumenfold.example>wrote:', '', '> Can you confirm the quantity?')).toBe(reply);
  });

  it('Yandex\'s and Mail.ru\'s "date, name <addr>:" over unquoted history', () => {
    expect(strip('14.05.2026, 09:12, "Irina Volkova" <irina@severtrans.example>:', 'Can you confirm the quantity?')).toBe(reply);
    expect(strip('Thu, 14 May 2026 09:12:00 +0300 от Irina Volkova <irina@severtrans.example>:', 'Can you confirm the quantity?')).toBe(reply);
  });
});

describe('header blocks', () => {
  it('Outlook in Russian, Polish and Japanese', () => {
    expect(strip('От: Irina Volkova [mailto:irina@severtrans.example]', 'Отправлено: 14 мая 2026 г. 9:12', 'Кому: ops@ourco.example', 'Тема: Заказ', '', 'Can you confirm?')).toBe(reply);
    expect(strip('Od: Jan Nowak <jan@wisla.example>', 'Wysłano: czwartek, 14 maja 2026 09:12', 'Do: ops@ourco.example', 'Temat: Zamówienie', '', 'Czy termin jest aktualny?')).toBe(reply);
    expect(strip('差出人: 山本 <yamamoto@kaisha.example>', '送信日時: 2026年5月14日 9:12', '宛先: ops@ourco.example', '件名: 見積もり', '', '数量を確認できますか？')).toBe(reply);
  });

  it('Hotmail\'s block that starts with Date, under a rule', () => {
    expect(strip('----------------------------------------', '', 'Date: Thu, 14 May 2026 09:12:00 +0300', 'Subject: Order', 'From: irina@severtrans.example', 'To: ops@ourco.example', '', 'Can you confirm the quantity?')).toBe(reply);
  });

  it('a rule drawn above the block goes with it', () => {
    expect(strip(' ------------------------------', '', '*From:* Irina Volkova [mailto:irina@severtrans.example]', '*Sent:* Thursday, May 14, 2026 9:12 AM', '', 'Can you confirm?')).toBe(reply);
  });
});
