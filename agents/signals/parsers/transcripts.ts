// Call and meeting transcripts: WebVTT, SRT and Gong, each in its own file.
export { parseVtt } from './vtt.js';
export { parseSrt } from './srt.js';
export { parseGong } from './gong.js';
