/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- readers queue loads and return a finisher the caller runs after its own context.sync(), so several reads share one round trip; the rules only look inside one function. */
/**
 * The cluster profile in the workbook: one Custom XML part in our own namespace, holding the schema
 * version and the profile as JSON. It travels with the file by email and does not depend on the
 * add-in Id (Office settings would: a dev and a prod manifest would not see each other's).
 */
import { defaultProfile, PROFILE_SCHEMA_VERSION, type ClusterProfile } from "../core/profile";

export const PROFILE_NAMESPACE = "urn:thidua:profile:v1";

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export function profileToXml(profile: ClusterProfile): string {
  const json = JSON.stringify({ ...profile, schemaVersion: PROFILE_SCHEMA_VERSION });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<thidua xmlns="${PROFILE_NAMESPACE}" schemaVersion="${PROFILE_SCHEMA_VERSION}">` +
    `<profile>${escapeXml(json)}</profile></thidua>`
  );
}

/**
 * The profile stored in `xml`, completed with today's defaults for settings an older version did not
 * know. Null when the part is not ours or cannot be read (the caller falls back to the defaults).
 */
export function profileFromXml(xml: string): ClusterProfile | null {
  const m = /<profile>([\s\S]*)<\/profile>/.exec(xml);
  if (!m || !xml.includes(PROFILE_NAMESPACE)) return null;
  try {
    const parsed = JSON.parse(unescapeXml(m[1])) as Partial<ClusterProfile>;
    if (!parsed || typeof parsed !== "object") return null;
    const base = defaultProfile(typeof parsed.year === "number" ? parsed.year : undefined);
    return { ...base, ...parsed, awards: { ...base.awards, ...(parsed.awards ?? {}) } };
  } catch {
    return null;
  }
}

/** Queues the lookup of our part; the finisher gives it (or null) after the sync. */
export function queueProfilePart(context: Excel.RequestContext): () => Excel.CustomXmlPart | null {
  const parts = context.workbook.customXmlParts.getByNamespace(PROFILE_NAMESPACE);
  parts.load("items/id");
  return () => (parts.items.length > 0 ? parts.items[0] : null);
}
