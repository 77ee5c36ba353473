// One quote stripper for the whole agent: the parsers' (it also handles wrapped Gmail attributions
// and keeps forwarded messages).
export { stripQuotedReply } from '../signals/parsers/quoted-reply.js';
