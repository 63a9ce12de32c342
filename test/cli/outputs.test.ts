import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { streamSink } from '../../dist/cli/outputs.js';

describe('a report streamed to a pipe', () => {
  it('leaves no listeners behind when it waits for the reader to drain (a long run would pile them up)', async () => {
    const stream = Object.assign(new EventEmitter(), {
      write: () => {
        setImmediate(() => stream.emit('drain'));
        return false;
      },
    });
    const sink = streamSink(stream);
    for (let i = 0; i < 50; i++) await sink.write(`line ${i}\n`);
    expect(stream.listenerCount('drain') + stream.listenerCount('close')).toBe(0);
    // The sink's own error listener stays for the stream's life; the waits add none.
    expect(stream.listenerCount('error')).toBe(1);
  });
});
