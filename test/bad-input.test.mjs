import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { brink, CLI, contractProblems } from './helpers/contract.mjs';

const dir = mkdtempSync(join(tmpdir(), 'brink-bad-'));
const ARTICLE = 'The minister said on Monday that the talks would continue next week in Geneva.';

test('binary and empty files: one line each, the rest goes on, exit 1', () => {
  const bin = join(dir, 'photo.jpg');
  writeFileSync(bin, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 0, 0, 0]));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const good = join(dir, 'good.jsonl');
  writeFileSync(good, JSON.stringify({ id: 'g1', text: ARTICLE }) + '\n');
  const { status, records, stderr } = brink(['extract', bin, empty, good]);
  assert.equal(status, 1);
  assert.equal(records.length, 1);
  const lines = stderr.trim().split('\n');
  assert.equal(lines.length, 2, stderr);
  assert.match(lines[0], /photo\.jpg: binary/);
  assert.match(lines[1], /empty\.txt: empty file/);
});

test('broken JSONL lines and CSV rows are reported with their line number', () => {
  const jsonl = join(dir, 'broken.jsonl');
  writeFileSync(jsonl, [JSON.stringify({ id: 'a', text: ARTICLE }), '{"id": "b", "text": ', '[1,2]', JSON.stringify({ id: 'c', title: 'no text' }), JSON.stringify({ id: 'd', text: ARTICLE })].join('\n'));
  const r = brink(['extract', jsonl]);
  assert.equal(r.status, 1);
  assert.deepEqual(r.records.map((x) => x.id), ['a', 'd']);
  assert.match(r.stderr, /broken\.jsonl:2: invalid JSON/);
  assert.match(r.stderr, /broken\.jsonl:3: not a JSON object/);
  assert.match(r.stderr, /broken\.jsonl:4: no text field/);

  const csv = join(dir, 'broken.csv');
  writeFileSync(csv, `id,title,text\n1,One,"${ARTICLE}"\n2,Two\n3,Three,"multi\nline text"\n4,Four,"unterminated`);
  const c = brink(['extract', csv]);
  assert.equal(c.status, 1);
  assert.deepEqual(c.records.map((x) => x.id), ['1', '3']);
  assert.equal(c.records[1].text, 'multi\nline text');
  assert.match(c.stderr, /broken\.csv:3: row has 2 cells/);
  assert.match(c.stderr, /unterminated quoted field/);
});

test('encodings: UTF-8 BOM, UTF-16 LE/BE with BOM, Windows-1252, invalid UTF-8', () => {
  const text = 'Café owners in Zürich said “prices” rose — again.';
  const bom8 = join(dir, 'bom8.jsonl');
  writeFileSync(bom8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ id: 'u8', text }))]));
  const le = join(dir, 'le.jsonl');
  writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ id: 'le', text }), 'utf16le')]));
  const beBody = Buffer.from(JSON.stringify({ id: 'be', text }), 'utf16le');
  for (let i = 0; i < beBody.length; i += 2) [beBody[i], beBody[i + 1]] = [beBody[i + 1], beBody[i]];
  const be = join(dir, 'be.jsonl');
  writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]));
  const cp = join(dir, 'cp1252.txt');
  // "Café … “prices” … — " in Windows-1252 bytes.
  writeFileSync(cp, Buffer.from('Caf\xe9 owners in Z\xfcrich said \x93prices\x94 rose \x97 again.', 'latin1'));
  const r = brink(['extract', bom8, le, be, cp]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.records.map((x) => x.text), [text, text, text, text]);

  const bad = join(dir, 'bad-utf8.jsonl');
  writeFileSync(bad, Buffer.concat([Buffer.from(JSON.stringify({ id: 'ok', text: 'Zürich ok' }) + '\n'), Buffer.from('{"id":"x","text":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('é"}\n', 'utf8')]));
  const b = brink(['extract', bad]);
  assert.equal(b.status, 1);
  assert.deepEqual(b.records.map((x) => x.id), ['ok']);
  assert.match(b.stderr, /bad-utf8\.jsonl:2: invalid UTF-8/);
});

test('gzip, stdin and recursive folders', () => {
  const sub = join(dir, 'tree', 'a', 'b');
  mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, 'one.jsonl.gz'), gzipSync(JSON.stringify({ id: 'gz', text: ARTICLE }) + '\n'));
  writeFileSync(join(dir, 'tree', 'two.jsonl'), JSON.stringify({ id: 'plain', text: ARTICLE }) + '\n');
  const r = brink(['extract', join(dir, 'tree')]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.records.map((x) => x.id).sort(), ['gz', 'plain']);
  const s = brink(['extract', '-'], { input: 'A Short Headline About Talks\n\n' + ARTICLE + '\n' });
  assert.equal(s.status, 0, s.stderr);
  assert.equal(s.records.length, 1);
  assert.equal(s.records[0].title, 'A Short Headline About Talks');
  assert.deepEqual(contractProblems(s.records[0]), []);
});

test('bad usage exits 2 with a clear message', () => {
  const r = brink(['extract', '--format', 'pdf', 'x']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--format must be one of/);
  assert.equal(brink(['extract', '--published', '5 Aug', 'x']).status, 2);
  assert.equal(brink(['nonsense']).status, 2);
  assert.equal(brink(['extract', join(dir, 'missing.txt')]).status, 1);
});

test('a 200 MB file is streamed with bounded memory', { timeout: 300_000 }, () => {
  const big = join(dir, 'big.jsonl');
  const fd = openSync(big, 'w');
  const pad = 'x'.repeat(1 << 20);
  let written = 0;
  let n = 0;
  while (written < 200 * (1 << 20)) {
    const line = JSON.stringify({ id: `big-${n++}`, text: 'Short text.', padding: pad }) + '\n';
    writeSync(fd, line);
    written += line.length;
  }
  closeSync(fd);
  // With a 96 MB heap, holding the file (or its lines) in memory would crash the process.
  const r = spawnSync(process.execPath, ['--max-old-space-size=96', CLI, 'extract', big], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr.slice(0, 500));
  assert.equal(r.stdout.trim().split('\n').length, n);
});
