/**
 * Same-key dictionaries (STYLE.md 8). Each room owns its table, built with `defineStrings`, so the
 * English table is type-checked to have exactly the Vietnamese keys; test/i18n checks them at run time
 * too. Vietnamese is the default language.
 */

export type Lang = "vi" | "en";

export const DEFAULT_LANG: Lang = "vi";

export type Params = Record<string, string | number>;

export interface StringTable<K extends string> {
  readonly vi: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
  /** Translate `key` into `lang`, filling "{name}" placeholders from params. */
  t(lang: Lang, key: K, params?: Params): string;
}

const registry: { name: string; table: StringTable<string> }[] = [];

/** Every table defined so far (for the completeness test). */
export function registeredTables(): readonly { name: string; table: StringTable<string> }[] {
  return registry;
}

/**
 * Templates split once into text and placeholder names (odd indexes): issue messages are filled
 * thousands of times per ranking, and a regex replace per message showed in profiles.
 */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

export function fill(template: string, params?: Params): string {
  if (!params) return template;
  const parts = partsOf(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out +=
      (Object.prototype.hasOwnProperty.call(params, k) ? String(params[k]) : `{${k}}`) +
      parts[i + 1];
  }
  return out;
}

export function defineStrings<K extends string>(
  name: string,
  vi: Record<K, string>,
  en: Record<K, string>
): StringTable<K> {
  const table: StringTable<K> = {
    vi,
    en,
    t(lang, key, params) {
      const dict = lang === "en" ? en : vi;
      return fill(dict[key] ?? vi[key] ?? key, params);
    },
  };
  registry.push({ name, table: table as unknown as StringTable<string> });
  return table;
}

/** "vi-VN", "vi" → "vi"; anything else → "en". Unknown/empty → Vietnamese (the product's default). */
export function langFromLocale(locale: string | null | undefined): Lang {
  if (!locale) return DEFAULT_LANG;
  return locale.toLowerCase().startsWith("vi") ? "vi" : "en";
}
