import type { ResolvedConfig } from '../config/load.js';
import { definedOnly } from '../util/defined.js';
import { SetupError } from './errors.js';
import { DEFAULT_GATES, gateProblems, type Gates } from './gates.js';

/** The gates a run applies: those chosen (the command line), then the config's, then the defaults; impossible ones throw. */
export function resolveGates(config: ResolvedConfig | undefined, chosen: Partial<Gates> = {}): Gates {
  const configured: Partial<Gates> = {
    failOn: config?.gates.failOn?.value,
    maxWarnings: config?.gates.maxWarnings?.value,
    failUnder: config?.gates.failUnder?.value,
    maxUnjudged: config?.gates.maxUnjudged?.value as Gates['maxUnjudged'],
  };
  const gates = { ...DEFAULT_GATES, ...definedOnly(configured), ...definedOnly(chosen) };
  const impossible = gateProblems(gates);
  if (impossible.length > 0) throw new SetupError(`impossible gates: ${impossible.join('; ')}`);
  return gates;
}
