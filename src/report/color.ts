import { Chalk, type ChalkInstance } from 'chalk';

interface ColorEnvironment {
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/**
 * Colour only on a terminal. chalk itself ignores NO_COLOR (https://no-color.org), so it is
 * honoured here: present and non-empty turns colour off, whatever FORCE_COLOR says.
 */
export function colors({ isTTY, env }: ColorEnvironment): ChalkInstance {
  if (env.NO_COLOR) return new Chalk({ level: 0 });
  const forced = env.FORCE_COLOR;
  if (forced !== undefined) return new Chalk({ level: forced === '0' || forced === 'false' ? 0 : 1 });
  return new Chalk({ level: isTTY ? 1 : 0 });
}
