// A timed call as lanes, one per speaker: turns as bars, overlaps and interruptions marked, silences
// and holds shaded, and each finding a marker (shape by severity) linking to its turn.

const TICKS = [10, 30, 60, 120, 300, 600, 1200, 1800, 3600].map((s) => s * 1000);
const MARK_SHAPE = {
  error: (x, y) => s('path', { d: `M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`, class: 'mark mark-error' }),
  warning: (x, y) => s('path', { d: `M${x} ${y - 7}L${x + 7} ${y + 6}L${x - 7} ${y + 6}Z`, class: 'mark mark-warning' }),
  info: (x, y) => s('circle', { cx: x, cy: y, r: 5.5, class: 'mark mark-info' }),
};

function timeline(result, i, turnHref) {
  const timed = (result.transcript ?? []).filter((t) => t.startMs !== null && t.endMs !== null);
  if (timed.length === 0) return null;
  const duration = Math.max(result.metrics?.durationMs ?? 0, ...timed.map((t) => t.endMs)) || 1;
  const speakers = result.conversation.speakers;
  const left = 150;
  const width = 1000;
  const span = width - left - 12;
  const laneHeight = 26;
  const top = 30;
  const height = top + speakers.length * laneHeight + 28;
  const xOf = (ms) => left + (ms / duration) * span;
  const lane = new Map(speakers.map((sp, k) => [sp.label, k]));
  const laneY = (label) => top + (lane.get(label) ?? 0) * laneHeight;
  const startOf = new Map((result.transcript ?? []).map((t) => [t.index, t.startMs]));
  // A hold rule's finding sits on the turn that ends the hold, so the silence before that turn is the hold.
  const holdTurns = new Set(result.findings.filter((f) => RULES.get(f.rule)?.kind === 'hold').map((f) => f.turn));
  const isHold = (q) => holdTurns.has(q.beforeTurn);
  const quiet = result.metrics?.nonTalk?.instances ?? [];
  const step = TICKS.find((t) => duration / t <= 10) ?? TICKS[TICKS.length - 1];
  const ticks = [];
  for (let t = 0; t <= duration; t += step) ticks.push(t);
  const byLane = speakers.length * laneHeight;

  const overlaps = [];
  const sorted = [...timed].sort((a, b) => a.startMs - b.startMs);
  let open = [];
  for (const t of sorted) {
    open = open.filter((p) => p.endMs > t.startMs);
    for (const p of open) if (p.speaker !== t.speaker) overlaps.push({ from: t.startMs, to: Math.min(p.endMs, t.endMs), a: p, b: t });
    open.push(t);
  }
  const interruptions = Object.entries(result.metrics?.interruptions?.byInterrupter ?? {}).flatMap(([role, x]) =>
    x.instances.filter((n) => n.startMs !== null).map((n) => ({ ...n, role })),
  );
  const speakerOf = new Map((result.transcript ?? []).map((t) => [t.index, t.speaker]));

  return h(
    'figure',
    { class: 'timeline' },
    h(
      'figcaption',
      null,
      `Timeline (${clock(duration)}): ${plural(result.findings.length, 'finding')}, ${plural(overlaps.length, 'overlap')}, ${plural(interruptions.length, 'interruption')}, ${plural(quiet.filter((q) => !isHold(q)).length, 'silence')}, ${plural(quiet.filter(isHold).length, 'flagged hold')}`,
    ),
    s(
      'svg',
      { viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Timeline of the call; finding markers link to their turns' },
      patternDefs(),
      ticks.map((t) =>
        s(
          'g',
          null,
          s('line', { x1: xOf(t), x2: xOf(t), y1: top - 4, y2: top + byLane, class: 'tick' }),
          s('text', { x: xOf(t), y: height - 8, class: 'axis', 'text-anchor': 'middle' }, clock(t)),
        ),
      ),
      quiet.map((q) =>
        s(
          'rect',
          {
            x: xOf(q.startMs),
            y: top,
            width: Math.max(1, xOf(q.endMs) - xOf(q.startMs)),
            height: byLane,
            fill: 'url(#pat-silence)',
            class: 'silence',
          },
          s(
            'title',
            null,
            `${isHold(q) ? 'hold' : 'silence'} ${clock(q.startMs)}–${clock(q.endMs)} (${Math.round(q.durationMs / 1000)} s)`,
          ),
        ),
      ),
      speakers.map((sp) =>
        s(
          'g',
          { class: `lane role-${sp.role}` },
          s('text', { x: 0, y: laneY(sp.label) + 17, class: 'label' }, `${sp.label} (${sp.role})`.slice(0, 24)),
        ),
      ),
      timed.map((t) =>
        s(
          'rect',
          {
            x: xOf(t.startMs),
            y: laneY(t.speaker) + 4,
            width: Math.max(1.5, xOf(t.endMs) - xOf(t.startMs)),
            height: laneHeight - 8,
            class: `turn role-${t.role}`,
          },
          s('title', null, `turn ${t.index}, ${t.speaker}, ${clock(t.startMs)}–${clock(t.endMs)}`),
        ),
      ),
      overlaps.map((o) =>
        s(
          'rect',
          {
            x: xOf(o.from),
            y: Math.min(laneY(o.a.speaker), laneY(o.b.speaker)) + 2,
            width: Math.max(1.5, xOf(o.to) - xOf(o.from)),
            height: Math.abs(laneY(o.a.speaker) - laneY(o.b.speaker)) + laneHeight - 4,
            class: 'overlap',
          },
          s('title', null, `overlap: turns ${o.a.index} and ${o.b.index}, ${clock(o.from)}–${clock(o.to)}`),
        ),
      ),
      interruptions.map((n) => {
        const x = xOf(n.startMs);
        const y = laneY(speakerOf.get(n.turn));
        return s(
          'a',
          { href: turnHref(n.turn), 'aria-label': `interruption at ${clock(n.startMs)}: turn ${n.turn} over turn ${n.overTurn}` },
          s('path', { d: `M${x - 5} ${y}L${x + 5} ${y}L${x} ${y + 9}Z`, class: 'interruption' }),
        );
      }),
      result.findings.map((f, k) => {
        // Findings on one turn sit side by side rather than on top of each other.
        const before = result.findings.slice(0, k).filter((g) => g.turn === f.turn).length;
        const x = xOf(f.startMs ?? startOf.get(f.turn) ?? 0) + before * 15;
        return s(
          'a',
          {
            href: turnHref(f.turn),
            class: 'finding-mark',
            'data-turn': f.turn,
            'aria-label': `${f.severity} at ${clock(f.startMs)}, turn ${f.turn}: ${f.message}`,
          },
          MARK_SHAPE[f.severity](x, 14),
          s('title', null, `${f.severity}: ${f.message} (turn ${f.turn})`),
        );
      }),
    ),
    h(
      'p',
      { class: 'legend-text' },
      'Markers: ◆ error, ▲ warning, ● info; ▼ interruption; hatched bands: silences and holds; outlined boxes: overlapping speech.',
    ),
  );
}
