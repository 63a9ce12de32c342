import { type Fragment, TaggedPhrases } from '../../text/phrase.js';
import type { Token } from '../../text/tokenize.js';
import type { TextView } from '../../text/view.js';
import { perView, viewOf } from '../../text/view.js';
import type { Turn } from '../../transcript/model.js';
import type { Hit } from '../types.js';
import { defineKind } from './kind.js';
import { rolesOf } from './turn-match.js';

interface Entry {
  plain: string;
  /** Multi-word or lower-case variants, matched by stem. */
  words?: Fragment;
  /** Upper-case variants ("RMA"), matched on the token as written. */
  capitals: Set<string>;
}

/** A term found in a turn: which entry (or acronym), the words as said, and where. */
interface Found {
  key: string;
  label: string;
  plain: string;
  first: number;
  last: number;
}

// Unlisted acronyms: three to seven capitals and digits with at least two capitals ("SLA", "2SV", "SCHUFA").
// Two-letter ones are mostly initials or states.
const ACRONYM = /^(?=(?:[A-Z\d]*[A-Z]){2})[A-Z\d]{3,7}$/;
// More digits than capitals is a code (a flight "SV214", a model "XB1200"), not an acronym.
// A clock time ("8AM", "4PM") is not an acronym either.
const isAcronym = (key: string) =>
  ACRONYM.test(key) && key.replace(/\D/g, '').length < key.replace(/[^A-Z]/g, '').length && !/^\d{1,2}(?:AM|PM)$/.test(key);
// A gloss right after the term: "an RMA (a return label)", "an RMA, or return authorization", "RMA aka …".
const GLOSS = /^\s*(?:\(|,?\s*(?:or|aka|a\.k\.a\.|i\.e\.?|ie|also known as|also called|meaning)\s+\w)/i;
// Run on every token of every turn: the replacements only where there is something to replace.
const capitalKey = (raw: string) => {
  const plain = raw.includes('’') ? raw.replace(/’/g, "'") : raw;
  return plain.endsWith('s') ? plain.replace(/'?s$/, '') : plain;
};
// A listed capital starts with one and then a capital, digit or "&" ("RMA", "A&E"); an acronym is capitals
// and digits, two of them capitals ("2SV"). A token that starts otherwise ("I", "Hello", "12") is neither.
const capitalOrDigit = (c: number) => (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const mayBeCapitals = (t: Token) =>
  capitalOrDigit(t.raw.charCodeAt(0)) && (capitalOrDigit(t.raw.charCodeAt(1)) || t.raw.charCodeAt(1) === 38) && /[A-Z]/.test(t.raw);
const isCapitals = (variant: string) => /^[A-Z][A-Z0-9&]+(?:'?s)?$/.test(variant.trim());

/** Jargon: listed terms with plain alternatives, plus unlisted acronyms; mirrored and explained terms are fine. */
export const termsKind = defineKind({
  name: 'terms',
  options: ({ z, speaker, patterns }) =>
    z.strictObject({
      speaker: speaker.default('agent'),
      /** A term is fine once one of these speakers has used it (mirroring the customer's own words). */
      mirroredBy: speaker.default('customer'),
      terms: z
        .array(
          z.strictObject({
            /** The term and its variants, as phrase patterns; an all-capitals word ("RMA") matches only in capitals. */
            term: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
            /** What to say instead. */
            plain: z.string().min(1),
          }),
        )
        .default([]),
      /** Flag any unlisted acronym (three to five capitals) that is not everyday language. */
      acronyms: z
        .strictObject({
          allow: z.array(z.string().min(1)).default([]),
          plain: z.string().default('the words the letters stand for'),
        })
        .optional(),
      /** A term followed within `explainWindow` words by one of these is explained inline ("an RMA, that's a return label"). */
      explainers: patterns.optional(),
      /** A term right after one of these is being introduced ("what we call the RMA"). */
      introducers: patterns.optional(),
      explainWindow: z.number().int().min(1).max(30).default(6),
      /** Words that are never jargon here (a company's own names and products): a term inside one is not flagged. */
      ignore: z.array(z.string().min(1)).default([]),
    }),
  compile(options, ctx) {
    const speakers = rolesOf(options.speaker);
    const mirrors = rolesOf(options.mirroredBy);
    const termVariants = options.terms.map((e) => (Array.isArray(e.term) ? e.term : [e.term]));
    const wordedVariants = termVariants.map((variants) => variants.filter((v) => !isCapitals(v)));
    const entries: Entry[] = options.terms.map((e, i) => {
      const capitals = new Set(termVariants[i]!.filter(isCapitals).map(capitalKey));
      const words = wordedVariants[i]!;
      return {
        plain: e.plain,
        capitals,
        ...(words.length > 0 && { words: ctx.phrases(words, ['terms', i, 'term']).fragment }),
      };
    });
    const byCapitals = new Map<string, number>();
    entries.forEach((e, i) => e.capitals.forEach((c) => byCapitals.set(c, i)));
    const worded = entries.flatMap((e, i) => (e.words ? [{ i, words: e.words }] : []));
    const wordedTerms = worded.length > 0 ? new TaggedPhrases(worded.map((w) => w.words)) : undefined;
    // Every worded variant as one list of the run's index: where it cannot start, no term is said, and
    // the terms are not looked for one by one (most turns, at a tenth of the cost).
    const anyWorded = worded.length > 0 ? ctx.phrases(wordedVariants.flat(), ['terms']) : undefined;
    const allowed = new Set((options.acronyms?.allow ?? []).map((a) => capitalKey(a).toUpperCase()));
    const ignored = options.ignore.length > 0 ? ctx.phrases(options.ignore, ['ignore']) : undefined;
    const ignoredCapitals = new Set(options.ignore.map((w) => capitalKey(w).toUpperCase()));
    const explainers = options.explainers && ctx.phrases(options.explainers, ['explainers']);
    const introducers = options.introducers && ctx.phrases(options.introducers, ['introducers']);

    const find = perView((view): readonly Found[] => {
      const found: Found[] = [];
      for (const m of anyWorded?.mayMatch(view) ? wordedTerms!.matches(view) : []) {
        const i = worded[m.tag]!.i;
        found.push({ key: `#${i}`, label: said(view, m.first, m.last), plain: entries[i]!.plain, first: m.first, last: m.last });
      }
      // Most turns have no token a capital could start: no acronyms to look for, nor shouting to rule them out.
      if (!view.tokens.some(mayBeCapitals) || shouting(view)) return found.sort(byPosition);
      view.tokens.forEach((t, i) => {
        const key = capitalKey(t.raw);
        const listed = byCapitals.get(key);
        if (listed !== undefined) {
          found.push({ key: `#${listed}`, label: t.raw, plain: entries[listed]!.plain, first: i, last: i });
        } else if (
          options.acronyms &&
          isAcronym(key) &&
          !allowed.has(key) &&
          !isCode(view, i) &&
          !isQuoted(view, t) &&
          !isEmphasis(view, i)
        ) {
          found.push({ key, label: key, plain: options.acronyms.plain, first: i, last: i });
        }
      });
      return found.sort(byPosition);
    });

    const explained = (view: TextView, f: Found): boolean => {
      if (GLOSS.test(view.text.slice(view.tokens[f.last]!.end))) return true;
      if (explainers?.matches(view).some((m) => m.first > f.last && m.first <= f.last + options.explainWindow)) return true;
      return introducers?.matches(view).some((m) => m.last < f.first && m.last >= f.first - 2) ?? false;
    };

    return ({ turns }) => {
      const hits: Hit[] = [];
      // Terms the customer has said, or the agent has explained, so far: from then on they are shared language.
      const known = new Set<string>();
      // The customer's turns whose words are not in `known` yet: added only when a term needs them, once each.
      let heard: TextView[] = [];
      let applicable = false;
      for (const turn of turns) {
        const view = viewOf(turn);
        const speaks = speakers.has(turn.role);
        if (!speaks && !mirrors.has(turn.role)) continue;
        const found = find(view);
        if (!speaks) {
          for (const f of found) known.add(f.key);
          heard.push(view);
          continue;
        }
        applicable = true;
        if (found.length === 0) continue;
        // Inflected and possessive forms are the same term: the customer's "DLCs" covers the agent's "DLC's".
        for (const v of heard) for (const k of mentionsOf(v)) known.add(k);
        heard = [];
        const own = ignored?.matches(view) ?? [];
        const isOwnWord = (f: Found) =>
          ignoredCapitals.has(f.label.toUpperCase()) || own.some((m) => m.first <= f.first && f.last <= m.last);
        const unexplained = found.filter(
          (f) => !known.has(f.key) && !known.has(f.label.toUpperCase()) && !isOwnWord(f) && !explained(view, f),
        );
        for (const f of found) if (explained(view, f)) known.add(f.key);
        if (unexplained.length > 0) hits.push(hitFor(turn, dedupe(unexplained)));
      }
      return { applicable, hits };
    };
  },
});

/** The keys under which a customer's words make terms known: each token as said, and as its term's key. */
const mentionsOf = perView((view: TextView): readonly string[] =>
  view.tokens.flatMap((t) => [capitalKey(t.raw).toUpperCase(), t.raw.toUpperCase()]),
);

function hitFor(turn: Turn, found: Found[]): Hit {
  return {
    turn,
    first: found[0]!.first,
    last: found[0]!.last,
    vars: {
      terms: found.map((f) => `"${f.label}"`).join(', '),
      suggestions: found.map((f) => `"${f.plain}" for "${f.label}"`).join('; '),
    },
  };
}

const byPosition = (a: Found, b: Found) => a.first - b.first;

function said(view: TextView, first: number, last: number): string {
  return view.text.slice(view.tokens[first]!.start, view.tokens[last]!.end);
}

/** One mention per term as said, and none inside another ("prior auth hold" is not also "auth hold"). */
function dedupe(found: Found[]): Found[] {
  const seen = new Set<string>();
  let reach = -1;
  return found.filter((f) => {
    const keep = f.first > reach && !seen.has(f.label.toLowerCase());
    if (keep) seen.add(f.label.toLowerCase());
    reach = Math.max(reach, f.last);
    return keep;
  });
}

/**
 * Part of a reference code such as "LH-88213-Q" or a number plate such as "031 NGA", not a word. A
 * hyphen before a lower-case word ("EAC-based") makes a compound, not a code.
 */
function isCode(view: TextView, i: number): boolean {
  const t = view.tokens[i]!;
  if (/^[-/][A-Z\d]/.test(view.text.slice(t.end, t.end + 2)) || /[A-Z\d][-/]$/.test(view.text.slice(Math.max(0, t.start - 2), t.start)))
    return true;
  return [view.tokens[i - 1], view.tokens[i + 1]].some((n) => n !== undefined && /^\d+$/.test(n.raw));
}

/** Capitals for emphasis ("STILL NEED HELP") rather than an acronym. */
function isEmphasis(view: TextView, i: number): boolean {
  const caps = (n: Token | undefined) => n !== undefined && /^\p{Lu}{2,}$/u.test(n.raw) && n.raw !== view.tokens[i]!.raw;
  return caps(view.tokens[i - 1]) || caps(view.tokens[i + 1]);
}

/** Inside quotation marks: a label or name being read out ("a charge from "ZPT Verify""). */
function isQuoted(view: TextView, t: Token): boolean {
  const before = view.text.slice(0, t.start);
  return (before.match(/["“”]/g)?.length ?? 0) % 2 === 1;
}

/** A turn written mostly in capitals is shouting or a caption style, not a string of acronyms. */
function shouting(view: TextView): boolean {
  const words = view.tokens.filter((t) => /\p{L}{2,}/u.test(t.raw));
  return words.length >= 4 && words.filter((t) => t.raw === t.raw.toUpperCase()).length / words.length > 0.5;
}
