// One quote stripper for the whole agent: the email parsers' (wrapped Gmail attributions, Outlook
// header blocks, several languages; forwarded messages kept). Memory and perception import it here.
export { isForwardSubject, stripQuotedReply } from '../signals/parsers/quoted-reply.js';
