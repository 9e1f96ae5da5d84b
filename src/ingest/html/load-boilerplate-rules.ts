import { readFileSync } from 'node:fs';
import type { BoilerplateRules } from './clean-main-text.js';

// Loaded once, at the ingest edge, and validated: a broken rules file must fail loudly, not silently
// let boilerplate through.

let cached: BoilerplateRules | null = null;

interface RawRules {
  elements?: Array<{ id?: unknown; pattern?: unknown; maxChars?: unknown }>;
  tags?: Array<{ id?: unknown; tags?: unknown }>;
  paragraphs?: Array<{ id?: unknown; pattern?: unknown; maxChars?: unknown }>;
}

export function parseBoilerplateRules(json: string): BoilerplateRules {
  const raw = JSON.parse(json) as RawRules;
  const ids = new Set<string>();
  const id = (v: unknown): string => {
    if (typeof v !== 'string' || v === '') throw new Error('html-boilerplate.json: a rule has no id');
    if (ids.has(v)) throw new Error(`html-boilerplate.json: duplicate rule id ${v}`);
    ids.add(v);
    return v;
  };
  const re = (v: unknown, whole: boolean, rule: string): RegExp => {
    if (typeof v !== 'string' || v === '') throw new Error(`html-boilerplate.json: rule ${rule} has no pattern`);
    return new RegExp(whole ? `^(?:${v})$` : v, 'i');
  };
  return {
    elements: (raw.elements ?? []).map((r) => {
      const rid = id(r.id);
      if (r.maxChars !== undefined && !(typeof r.maxChars === 'number' && r.maxChars > 0)) throw new Error(`html-boilerplate.json: rule ${rid} has a bad maxChars`);
      return { id: rid, pattern: re(r.pattern, false, rid), maxChars: typeof r.maxChars === 'number' ? r.maxChars : Infinity };
    }),
    tags: (raw.tags ?? []).map((r) => {
      const rid = id(r.id);
      if (!Array.isArray(r.tags) || !r.tags.every((t) => typeof t === 'string' && /^[a-z][a-z0-9-]*$/.test(t))) throw new Error(`html-boilerplate.json: rule ${rid} needs tag names`);
      return { id: rid, tags: r.tags as string[] };
    }),
    paragraphs: (raw.paragraphs ?? []).map((r) => {
      const rid = id(r.id);
      if (typeof r.maxChars !== 'number' || !(r.maxChars > 0)) throw new Error(`html-boilerplate.json: rule ${rid} needs maxChars`);
      return { id: rid, maxChars: r.maxChars, pattern: re(r.pattern, true, rid) };
    }),
  };
}

/** The shipped boilerplate rules (data/html-boilerplate.json), read on first use. */
export function loadBoilerplateRules(): BoilerplateRules {
  cached ??= parseBoilerplateRules(readFileSync(new URL('../../../data/html-boilerplate.json', import.meta.url), 'utf8'));
  return cached;
}
