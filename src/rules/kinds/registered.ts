// The registration list: one line per rule kind. A kind's file declares its options and its compiler.
export { holdKind } from './hold.js';
export { interruptionKind } from './interruption.js';
export { metricKind } from './metric.js';
export { phraseKind } from './phrase.js';
export { requirementKind } from './requirement.js';
export { responseKind } from './response.js';
export { termsKind } from './terms.js';
export { countKind } from './count.js';
export { orderKind } from './order.js';
export { restatementKind } from './restatement.js';
