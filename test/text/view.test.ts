import { describe, expect, it } from 'vitest';
import { quoteOf } from '../../dist/text/quote.js';
import { TEXTS_KEPT, textView, viewOf } from '../../dist/text/view.js';

const words = (text: string) => textView(text).tokens.map((t) => t.word);

describe("a turn's text view of real text", () => {
  it('decodes HTML entities in place, so offsets still point into what was written', () => {
    const raw = 'Fish &amp; chips &gt; pasta';
    const view = textView(raw);
    expect(view.text.length).toBe(raw.length);
    expect(words(raw)).toEqual(['fish', 'chips', 'pasta']);
    expect(view.text.replace(/\s+/g, ' ')).toBe('Fish & chips > pasta');
    expect(quoteOf({ text: raw })).toBe('Fish & chips > pasta');
  });

  it('leaves mentions and sign-offs out of the words, and keeps links as one token each', () => {
    expect(words('@AskAcme @Jo Sorry to hear that, see https://acme.example/help?x=1. Thanks! ^SK')).toEqual([
      'sorry',
      'to',
      'hear',
      'that',
      'see',
      '#url',
      'thanks',
    ]);
    expect(words('Try help.acme.com/reset then reply -Steven')).toEqual(['try', '#url', 'then', 'reply']);
    expect(textView('All done *TB').signals.signoff).toBe('*TB');
    expect(textView('Here is the guide: https://acme.example/guide HRB').signals.signoff).toBe('HRB');
    expect(textView('It is the SLA').signals.signoff).toBeNull();
    expect(textView('Email me at jo@example.com').tokens.map((t) => t.word)).toContain('#email');
  });

  it('reads redaction tags and masked swears as tokens of their own', () => {
    expect(words('My card [PII] was charged')).toEqual(['my', 'card', '#redacted', 'was', 'charged']);
    expect(textView('for **** sake').signals.maskedSwear).toBe(true);
    expect(words('for **** sake')).toContain('#masked');
  });

  it('keeps capitals, exclamation runs and emoji as intensity signals', () => {
    const s = textView('WHY IS THIS STILL BROKEN!!! 😭').signals;
    expect(s.shouting).toBe(true);
    expect(s.exclamations).toBe(3);
    expect(s.distressEmoji).toBe(1);
    expect(textView('My PS4 and the SMS code').signals.shouting).toBe(false);
    expect(textView('Thanks so much 😊').signals.distressEmoji).toBe(0);
  });
});

describe('views shared by text', () => {
  it('gives turns that say the same thing one view, and a turn whose text changed a new one', () => {
    const a = { text: 'Thank you for calling, how can I help?' };
    const b = { text: 'Thank you for calling, how can I help?' };
    expect(viewOf(a)).toBe(viewOf(b));
    const before = viewOf(a);
    a.text = 'Thank you for waiting.';
    expect(viewOf(a)).not.toBe(before);
    expect(viewOf(a).tokens.map((t) => t.word)).toEqual(['thank', 'you', 'for', 'waiting']);
  });

  it('keeps a bounded number of texts, the least recently used leaving first', () => {
    const kept = viewOf({ text: 'okay then' });
    const old = viewOf({ text: 'an old line nobody says again' });
    for (let i = 0; i < TEXTS_KEPT; i++) {
      viewOf({ text: `line number ${i}` });
      if (i % 100 === 0) viewOf({ text: 'okay then' }); // in use all along: stays
    }
    expect(viewOf({ text: 'okay then' })).toBe(kept);
    const again = viewOf({ text: 'an old line nobody says again' });
    expect(again).not.toBe(old);
    expect(again.tokens).toEqual(old.tokens);
  });
});
