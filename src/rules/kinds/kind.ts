import type { z } from 'zod';
import type { SchemaKit } from '../schema/kit.js';
import type { Check, CompileContext } from '../types.js';

/**
 * A rule kind: its options (a schema built from the kit on first validation) and its compiler, side by
 * side in one file. `compile` runs once per rule at load; the check it returns runs per conversation.
 */
export interface RuleKind<S extends z.ZodType = z.ZodType> {
  readonly name: string;
  options(kit: SchemaKit): S;
  compile(options: z.output<S>, ctx: CompileContext): Check;
}

/** Declares a kind, typing `compile`'s options from the schema. */
export const defineKind = <S extends z.ZodType>(kind: RuleKind<S>): RuleKind<S> => kind;
