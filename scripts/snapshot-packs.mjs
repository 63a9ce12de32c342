// Build step: validates the bundled packs and writes dist/bundled-packs.json, so a run can skip
// YAML parsing and schema validation for packs that have not changed since the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  bundledPackFiles,
  loadPacks,
  phraseCacheJson,
  sha1,
  SNAPSHOT_FILE,
  SNAPSHOT_VERSION,
  validatorFingerprint,
} from '../dist/rules/load.js';
import { isPackLoadError } from '../dist/rules/problems.js';
import { validatePack } from '../dist/rules/validate.js';

const files = bundledPackFiles();
const packs = {};
try {
  for (const file of files) packs[basename(file)] = { sha1: sha1(readFileSync(file, 'utf8')), doc: validatePack(file).doc };
} catch (err) {
  if (!isPackLoadError(err)) throw err;
  const p = err.problem;
  console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`);
  process.exit(1);
}
// Compiling from the fresh snapshot catches pattern errors the schema cannot see, and records the
// compiled phrase lists for the snapshot too.
const validator = validatorFingerprint();
writeFileSync(SNAPSHOT_FILE, `${JSON.stringify({ snapshotVersion: SNAPSHOT_VERSION, validator, packs, phrases: {} })}\n`);
const { problems } = loadPacks(files);
for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`);
if (problems.length > 0) process.exit(1);
writeFileSync(SNAPSHOT_FILE, `${JSON.stringify({ snapshotVersion: SNAPSHOT_VERSION, validator, packs, phrases: phraseCacheJson() })}\n`);
