// Validates `brink extract` records against the project's JSON Schema, plus what a schema cannot say:
// every span lies inside the text and every `text` field equals the text it points at.
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(ROOT, '../shared');
export const HAS_SHARED = existsSync(join(SHARED, 'seed'));
export const CLI = join(ROOT, 'dist/cli/main.js');

const schema = JSON.parse(readFileSync(join(ROOT, 'schema/extract-v1.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function checkSpan(record, span, what, problems, withText = true) {
  if (span === null || span === undefined) return;
  if (!(span.start >= 0 && span.end >= span.start && span.end <= record.text.length)) {
    problems.push(`${what}: span ${span.start}-${span.end} outside text of length ${record.text.length}`);
    return;
  }
  if (withText && typeof span.text === 'string' && record.text.slice(span.start, span.end) !== span.text) {
    problems.push(`${what}: text ${JSON.stringify(span.text)} != ${JSON.stringify(record.text.slice(span.start, span.end))}`);
  }
}

/** Problems with one record: schema errors and span inconsistencies (empty when valid). */
export function contractProblems(record) {
  const problems = [];
  if (!validate(record)) for (const e of validate.errors) problems.push(`schema: ${e.instancePath} ${e.message}`);
  if (typeof record.text !== 'string') return problems;
  record.sentences?.forEach((s, i) => checkSpan(record, s, `sentence ${i}`, problems));
  for (const e of record.entities ?? []) checkSpan(record, e, `entity ${e.id}`, problems);
  for (const t of record.times ?? []) checkSpan(record, t, `time ${t.id}`, problems);
  for (const q of record.quotes ?? []) {
    checkSpan(record, q, `quote ${q.id}`, problems, false);
    for (const p of q.parts ?? []) checkSpan(record, p, `quote ${q.id} part`, problems);
    checkSpan(record, q.cue, `quote ${q.id} cue`, problems);
    checkSpan(record, q.speaker, `quote ${q.id} speaker`, problems);
  }
  for (const v of record.events ?? []) {
    checkSpan(record, v.evidence, `event ${v.id} evidence`, problems);
    checkSpan(record, v.trigger, `event ${v.id} trigger`, problems);
    checkSpan(record, v.source, `event ${v.id} source`, problems);
    checkSpan(record, v.target, `event ${v.id} target`, problems);
  }
  const ids = new Set();
  for (const x of [...(record.entities ?? []), ...(record.times ?? []), ...(record.quotes ?? []), ...(record.events ?? [])]) {
    if (ids.has(x.id)) problems.push(`duplicate item id ${x.id}`);
    ids.add(x.id);
  }
  return problems;
}

/** Runs the built CLI; returns {status, stdout, stderr, records}. */
export function brink(args, { input, env } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env },
    cwd: ROOT,
  });
  const records = args[0] === 'extract' && r.stdout ? r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, records };
}
