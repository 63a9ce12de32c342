import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConfig } from '../config/find.js';
import { bundledPackFiles, packNameOf } from '../rules/pack-files.js';
import { EXIT } from '../run/gates.js';
import type { CliIO } from './io.js';

const SCHEMA = fileURLToPath(new URL('../../schemas/config.schema.json', import.meta.url));

/** `callcoach init`: a commented starter config in the working directory; an existing one is never overwritten. */
export function initCommand(cwd: string, io: CliIO): number {
  const existing = findConfig(cwd);
  if (existing && existing.startsWith(cwd)) {
    io.stderr.write(`callcoach: ${existing} already exists; edit it, or remove it to start again\n`);
    return EXIT.error;
  }
  const file = join(cwd, 'callcoach.config.yaml');
  writeFileSync(file, starter(relative(cwd, SCHEMA).replace(/\\/g, '/')));
  io.stdout.write(`wrote ${file}${existing ? ` (it takes the place of ${existing} for this directory)` : ''}\n`);
  return EXIT.ok;
}

function starter(schema: string): string {
  // Listed as a comment only: a config without \`packs\` runs every bundled pack, so packs a later
  // callcoach bundles reach it too; writing today's list would freeze it.
  const packs = bundledPackFiles().map((f) => `#   - ${packNameOf(f)}`);
  return `# yaml-language-server: $schema=${schema}
# callcoach configuration. \`callcoach check\` uses the nearest callcoach.config.yaml: in the directory
# it runs in, or the closest directory above it (-c names another, --no-config uses none).
# \`callcoach print-config <transcript>\` shows what applies to one file and where each value came from.

# Configs (or packs) to build on: paths, bundled pack names, or npm packages.
# extends:
#   - ./team-base.yaml

# The packs that run. Left unset, every bundled pack runs, including packs later versions add.
# To add your own packs to the bundled ones, use extends: [./packs/acme.yaml] instead.
# To run only some, list them:
# packs:
${packs.join('\n')}
#   - ./packs/acme.yaml

# Rule settings: off, info, warning, error, or an object with severity and any of the rule's options
# (\`callcoach explain <rule>\` shows them).
rules: {}
#   cold-transfers/blind-transfer: error
#   talk-time/agent-dominates: off
#   jargon/unexplained-term:
#     severity: warning
#     explainWindow: 8

# Settings for some files only (gitignore-style globs, relative to this file); later entries win.
overrides: []
#   - files: ["chat/**"]
#     rules:
#       holds/dead-air: off

# Your company's words: names and products are never jargon; extra jargon gets a plain alternative.
glossary:
  company: []
  jargon: []
#   - term: [provisioning, "prov ticket"]
#     plain: setting up your service

# Speaker label to role, for transcripts that do not say (a .roles.yaml sidecar or --roles wins).
roles: {}
#   spk_0: agent
#   spk_1: customer

scorecard:
  # Weight of each step (1-7) in the overall score; unlisted steps weigh 1.
  weights: {}
  # A conversation scoring at least this passes.
  # passMark: 80

# Defaults for the exit-code gates (the command line wins).
gates:
  failOn: error
  # maxWarnings: 0
  # failUnder: 60
  # maxUnjudged: 5%     # conversations that could not be judged (roles undecided, too short, empty)
`;
}
