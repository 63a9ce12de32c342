import type { Conversation } from '../model.js';

export interface Source {
  /** Path as the user gave it (or `<stdin>`); used for ids and in reports. */
  path: string;
  text: string;
}

/**
 * One transcript format. `read` throws ReadError (with line and column) for malformed input;
 * the caller turns it into a reported error so one bad file never stops a batch.
 */
export interface Reader {
  readonly format: string;
  readonly extensions: readonly string[];
  /** Cheap content test on the start of the file, used when the extension does not decide. */
  sniff(head: string): boolean;
  read(source: Source): Conversation;
}
