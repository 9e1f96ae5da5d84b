// Reads who a run of descriptive tokens says someone is: the country (demonym, country name, possessive),
// a known organisation, and the role phrases ("Russian Defense Minister", "a senior IRGC commander").
import type { ActorRef, Entity, Token } from '../domain/types.js';
import type { ActorContext } from './actor-context.js';
import { nameAt, rolesIn, type RoleHit } from './match-names.js';

export interface Description {
  country: string | null;
  /** A known organisation or group the tokens name, with its code. */
  org: ActorRef | null;
  roles: RoleHit[];
}

export const EMPTY_DESCRIPTION: Description = { country: null, org: null, roles: [] };

/** Organisation and country named in [from, to): resolved entities there (but `self`), else gazetteer names. */
export function describeTokens(ctx: ActorContext, tokens: Token[], from: number, to: number, self?: Entity): Description {
  let country: string | null = null;
  let org: ActorRef | null = null;
  for (let i = from; i < to; i++) {
    const e = ctx.entityAt[i];
    if (e && e !== self && e.type !== 'PERSON') {
      const range = ctx.tokenRange.get(e.id);
      const a = e.actor;
      // A country tagged as an organisation ("US" as ORG) is a country, not a group with its own code.
      const isCountry = a !== null && a.id.startsWith('country:');
      if (a && a.code !== '' && e.type === 'ORG' && !isCountry && !org) org = a;
      else if (!country && a?.country && (isCountry || e.type === 'GPE' || e.type === 'NORP') && /^[A-Z]{3}$/.test(a.country) && a.id.startsWith('country:')) country = a.country;
      // A place without an actor still says which country: "Georgia Senator X" (the US state), "Tehran's mayor".
      else if (!country && !a && e.geo?.country) country = e.geo.country;
      if (range) {
        i = Math.max(i, range[1] - 1);
        continue;
      }
    }
    const m = nameAt(ctx.gaz, tokens, i, to);
    if (!m) continue;
    const t = m.entry.target;
    if (t.kind === 'actor' && t.actor.type !== 'PERSON' && !org) {
      org = { id: t.actor.id, name: t.actor.names[0]!, code: t.actor.code, country: t.actor.country };
    } else if ((t.kind === 'country' || t.kind === 'demonym') && !country) country = t.country.a3;
    i = m.te - 1;
  }
  return { country, org, roles: rolesIn(ctx.gaz, tokens, from, to) };
}

/**
 * The actor code a description supports: a known organisation's own code ("IRGC commander" → IRNMIL);
 * else country + role type of the head role ("Russian Defense Minister" → RUSGOV). Unknown parts are left
 * out: "Iranian" → IRN, "the army" → MIL; nothing known → null.
 */
export function codeOf(d: Description, head: RoleHit | null): { code: string; country: string | null } | null {
  if (d.org) return { code: d.org.code, country: d.org.country };
  const type = head ? specificType(d.roles, head) : '';
  if (!d.country && !type) return null;
  return { code: (d.country ?? '') + type, country: d.country };
}

// Generic heads ("leader", "official", "spokesman") take the type of a more specific role word before
// them: "rebel leader" is REB, "army spokesman" MIL, "court official" JUD.
const GENERIC_ROLE = 'role.official';

export function specificType(roles: RoleHit[], head: RoleHit): string {
  if (head.match.role.id !== GENERIC_ROLE) return head.match.role.type;
  for (let i = roles.length - 1; i >= 0; i--) {
    const r = roles[i]!;
    if (r.ts < head.ts && r.match.role.id !== GENERIC_ROLE) return r.match.role.type;
  }
  return head.match.role.type;
}

/** Merges two descriptions, the first winning where both know something. */
export function mergeDescriptions(a: Description, b: Description): Description {
  return { country: a.country ?? b.country, org: a.org ?? b.org, roles: a.roles.length > 0 ? a.roles : b.roles };
}
