// The registration list: one line per rule kind. A kind's file declares its options and its compiler.
export { countKind } from './count.js';
export { evidenceKind } from './evidence.js';
export { holdKind } from './hold.js';
export { interruptionKind } from './interruption.js';
export { metricKind } from './metric.js';
export { orderKind } from './order.js';
export { phraseKind } from './phrase.js';
export { portraitKind } from './portrait.js';
export { requirementKind } from './requirement.js';
export { responseKind } from './response.js';
export { restatementKind } from './restatement.js';
export { termsKind } from './terms.js';
