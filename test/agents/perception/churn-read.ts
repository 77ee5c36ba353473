// How the churn tests read a text: the frame alone, or as the corpus scorer reads churn (intent, or a
// negative enough signal with its sentence).
import { analyze } from '../../../agents/perception/nlp.js';
import { churnFrame } from '../../../agents/perception/churn.js';
import { sentimentOf } from '../../../agents/perception/sentiment.js';
import { CHURN_SENTIMENT_THRESHOLD } from '../../../evals/perception/score.js';

export const frame = (text: string) => analyze(text).some(churnFrame);

export const churn = (text: string) => {
  const s = sentimentOf([{ side: 'them', text }]);
  return Boolean(s.churnText) || (s.sentiment <= CHURN_SENTIMENT_THRESHOLD && Boolean(s.negativeText));
};
