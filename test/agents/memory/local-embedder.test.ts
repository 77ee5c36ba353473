import { describe, expect, it } from 'vitest';
import { createLocalEmbedder, embedText, stem, terms } from '../../../agents/memory/local-embedder.js';

const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('local embedder', () => {
  const embedder = createLocalEmbedder();

  it('gives the same 384-d unit vector for the same text, in any batch', async () => {
    const [a, b] = await embedder.embed(['Renewal contract for Acme', 'something else']);
    const [again] = await createLocalEmbedder().embed(['Renewal contract for Acme']);
    expect(embedder.dimensions).toBe(384);
    expect(a).toHaveLength(384);
    expect(Math.hypot(...a)).toBeCloseTo(1, 9);
    expect(again).toEqual(a);
    expect(b).not.toEqual(a);
  });

  it('gives the zero vector for a text without content words, and any dimension on request', () => {
    expect(embedText('the and of ?!').every((x) => x === 0)).toBe(true);
    const v = embedText('security review', 64);
    expect(v).toHaveLength(64);
    expect(Math.hypot(...v)).toBeCloseTo(1, 9);
  });

  it('scores related text above unrelated text', () => {
    const q = embedText('what did procurement say about the security review?');
    const related = cos(q, embedText('Procurement cannot issue the PO until the security review is complete.'));
    const unrelated = cos(q, embedText('The team enjoyed the offsite; the dashboards look great.'));
    expect(related).toBeGreaterThan(0.3);
    expect(related).toBeGreaterThan(unrelated + 0.3);
  });

  it('meets word variants, accents and phrases', () => {
    expect(cos(embedText('renewal'), embedText('renewing the contract'))).toBeGreaterThan(0.1);
    expect(cos(embedText('pricing'), embedText('priced'))).toBeGreaterThan(0.5);
    expect(cos(embedText('José Müller'), embedText('jose muller'))).toBeCloseTo(1, 9);
    // Word order matters through word pairs: the phrase scores above its words scattered.
    const phrase = embedText('security review');
    expect(cos(phrase, embedText('the security review is late'))).toBeGreaterThan(cos(phrase, embedText('review the late security')));
  });

  it('does not know synonyms (documented limit)', () => {
    expect(Math.abs(cos(embedText('budget'), embedText('money')))).toBeLessThan(0.2);
  });

  it('stems lightly', () => {
    expect(['renewals', 'renewed', 'renewing'].map(stem)).toEqual(['renewal', 'renew', 'renew']);
    expect(['meetings', 'shipped', 'studies', 'status', 'business'].map(stem)).toEqual(['meet', 'ship', 'study', 'status', 'business']);
    expect(terms("What did they say about the SOC 2 report? Don't")).toEqual(['say', 'soc', '2', 'report', 'dont']);
  });
});
