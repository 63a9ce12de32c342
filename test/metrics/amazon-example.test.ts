import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../dist/results/collect.js';
import { cli } from '../cli/run-cli.js';

// A real Amazon Transcribe Call Analytics file with Amazon's own timing figures inside; outside the project.
const FILE = '../shared/corpora/aws-tca-example/example-call.json';

describe.skipIf(!existsSync(FILE))("Amazon's figures on its example call", () => {
  const run = async () => {
    const r = await cli(['check', '--format', 'json', FILE]);
    const amazon = JSON.parse(readFileSync(FILE, 'utf8')).ConversationCharacteristics;
    return { file: (JSON.parse(r.stdout) as Results).files[0]!, amazon };
  };

  it('reports exactly its two agent interruptions, within 100 ms', async () => {
    const { file, amazon } = await run();
    const ours = file.metrics!.interruptions.byInterrupter;
    const theirs = amazon.Interruptions.InterruptionsByInterrupter.AGENT as { BeginOffsetMillis: number; EndOffsetMillis: number }[];
    expect(Object.keys(ours)).toEqual(['agent']);
    expect(ours.agent!.instances).toHaveLength(theirs.length);
    ours.agent!.instances.forEach((i, k) => {
      expect(Math.abs(i.startMs! - theirs[k]!.BeginOffsetMillis)).toBeLessThanOrEqual(100);
      expect(Math.abs(i.endMs! - theirs[k]!.EndOffsetMillis)).toBeLessThanOrEqual(100);
    });
  });

  it('measures talk time within 3 % and talk speed within 5 %', async () => {
    const { file, amazon } = await run();
    for (const [role, key] of [
      ['agent', 'AGENT'],
      ['customer', 'CUSTOMER'],
    ] as const) {
      const talk = file.metrics!.talk![role]!;
      const time = amazon.TalkTime.DetailsByParticipant[key].TotalTimeMillis as number;
      const speed = amazon.TalkSpeed.DetailsByParticipant[key].AverageWordsPerMinute as number;
      expect(Math.abs(talk.talkMs / time - 1)).toBeLessThanOrEqual(0.03);
      expect(Math.abs(talk.wordsPerMinute! / speed - 1)).toBeLessThanOrEqual(0.05);
    }
    expect(file.metrics!.nonTalk!.totalMs).toBe(amazon.NonTalkTime.TotalTimeMillis);
  });
});
