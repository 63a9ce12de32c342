/** All of a stream as text (a list of paths on stdin). */
export async function readAll(stream: AsyncIterable<string | Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** A stream as text when it holds at most `max` bytes; else how many it held (the rest is read and dropped, not kept). */
export async function readUpTo(stream: AsyncIterable<string | Buffer>, max: number): Promise<{ text: string } | { bytes: number }> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += b.length;
    if (bytes <= max) chunks.push(b);
    else chunks.length = 0;
  }
  return bytes <= max ? { text: Buffer.concat(chunks).toString('utf8') } : { bytes };
}

/** A line longer than the limit: its length, in characters; its text is not kept. */
export interface LongLine {
  tooLong: number;
}

/**
 * Lines of a stream, read only as fast as they are used: readline's iterator buffers ahead without
 * limit, which would hold a whole corpus in memory when checking is slower than reading. A line longer
 * than `max` characters is not held either: it comes out as its length alone.
 */
export async function* linesOf(stream: AsyncIterable<string | Buffer>, max = Infinity): AsyncGenerator<string | LongLine> {
  const decoder = new TextDecoder();
  let rest = '';
  // Characters of an over-long line seen so far (its text is dropped as it arrives); 0 when none.
  let skipped = 0;
  for await (const chunk of stream) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let from = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', from)) {
      const line = rest.slice(from, nl).replace(/\r$/, '');
      if (skipped > 0 || line.length > max) yield { tooLong: skipped + line.length };
      else yield line;
      skipped = 0;
      from = nl + 1;
    }
    rest = rest.slice(from);
    if (rest.length > max) {
      skipped += rest.length;
      rest = '';
    }
  }
  rest += decoder.decode();
  if (skipped > 0 || rest.length > max) yield { tooLong: skipped + rest.length };
  else if (rest) yield rest;
}
