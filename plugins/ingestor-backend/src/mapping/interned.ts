import type { Entity } from '@backstage/catalog-model';

/**
 * V8 keeps a string made by concatenation as a tree of its parts (32 bytes a node, every part kept
 * alive), and each such string as a copy of its own. Looking a string up as a property key makes V8
 * store it once, flat, in its string table, and the garbage collector then points every holder at that
 * copy. Strings the ingestor keeps for as long as an object exists (refs, names, descriptions, label
 * selectors: several per entity, hundreds of thousands in a fleet) take a third of the memory that way,
 * and equal ones are stored once. Only memory changes: the value is the same string.
 */
const TABLE: object = Object.freeze(Object.create(null));

export function interned<T extends string | undefined>(value: T): T {
  if (value !== undefined) Reflect.has(TABLE, value);
  return value;
}

/** Interns every string in `value` (see {@link interned}); nothing is changed. */
export function internStrings(value: unknown): void {
  if (typeof value === 'string') interned(value);
  else if (Array.isArray(value)) for (const item of value) internStrings(item);
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) internStrings((value as Record<string, unknown>)[key]);
}

/** Interns every string of a built entity (see {@link interned}); the entity is not changed. */
export function internEntityStrings(entity: Entity): Entity {
  internStrings(entity.metadata);
  internStrings(entity.spec);
  return entity;
}
