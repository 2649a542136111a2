/**
 * Custom XML parts in an .xlsx package, laid out as Excel saves them, because ExcelJS neither reads
 * nor writes them and the cluster profile lives in one (src/excel/profile-store.ts): without this the
 * playground's "save as .xlsx" would drop the user's profile.
 *
 *   customXml/item1.xml               the XML itself
 *   customXml/itemProps1.xml          its id (a GUID) and the namespace it declares
 *   customXml/_rels/item1.xml.rels    item1 → itemProps1
 *   xl/_rels/workbook.xml.rels        workbook → ../customXml/item1.xml
 *   [Content_Types].xml               an Override for itemProps1 (item1 is covered by Default "xml")
 */
import JSZip from "jszip";

export interface StoredXmlPart {
  /** "{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}" as Excel reports CustomXmlPart.id; null when absent. */
  id: string | null;
  xml: string;
}

const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_CUSTOM_XML =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";

const escapeAttr = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

const GUID = /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/i;

/** A GUID for a part that has none yet, derived from its position so saves are reproducible. */
function guidFor(id: string | null, n: number): string {
  if (id && GUID.test(id)) return id.toUpperCase();
  const hex = n.toString(16).toUpperCase().padStart(12, "0");
  return `{7D1D0A00-7410-4D1A-9000-${hex}}`;
}

/** Bytes of an XML part as text: Excel writes UTF-8 or UTF-16 with a byte-order mark. */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
}

/** The namespace URI the root element declares (what itemProps lists as its schema). */
function rootNamespace(xml: string): string | null {
  const root = /<(?!\?|!)([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*\b([^>]*)>/.exec(xml);
  if (!root) return null;
  const prefix = root[1] ? root[1].slice(0, -1) : "";
  const attr = new RegExp(`xmlns${prefix ? ":" + prefix : ""}\\s*=\\s*"([^"]*)"`).exec(root[2]);
  return attr ? attr[1] : null;
}

function propsXml(guid: string, ns: string | null): string {
  const refs = ns ? `<ds:schemaRef ds:uri="${escapeAttr(ns)}"/>` : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n` +
    `<ds:datastoreItem ds:itemID="${guid}" xmlns:ds="${DS_NS}">` +
    `<ds:schemaRefs>${refs}</ds:schemaRefs></ds:datastoreItem>`
  );
}

/** Adds the parts to a package ExcelJS wrote (which has none); returns the new package. */
export async function writeCustomXmlParts(
  bytes: Uint8Array,
  parts: StoredXmlPart[]
): Promise<Uint8Array> {
  if (parts.length === 0) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const relsFile = zip.file(WORKBOOK_RELS);
  const typesFile = zip.file(CONTENT_TYPES);
  if (!relsFile || !typesFile) throw new Error("Not an .xlsx package: workbook rels missing.");
  let rels = await relsFile.async("string");
  let types = await typesFile.async("string");
  const used = new Set(Array.from(rels.matchAll(/\bId="([^"]+)"/g), (m) => m[1]));
  let next = 1;
  const newId = (): string => {
    while (used.has(`rId${next}`)) next++;
    used.add(`rId${next}`);
    return `rId${next}`;
  };
  let added = "";
  let overrides = "";
  parts.forEach((part, i) => {
    const n = i + 1;
    zip.file(`customXml/item${n}.xml`, part.xml);
    zip.file(`customXml/itemProps${n}.xml`, propsXml(guidFor(part.id, n), rootNamespace(part.xml)));
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" ` +
        `Target="itemProps${n}.xml"/></Relationships>`
    );
    added += `<Relationship Id="${newId()}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/>`;
    overrides += `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${PROPS_TYPE}"/>`;
  });
  rels = rels.replace("</Relationships>", `${added}</Relationships>`);
  // item*.xml needs the Default for "xml"; ExcelJS writes it, but a package without it would hide them.
  if (!/<Default\s+Extension="xml"/i.test(types))
    overrides = `<Default Extension="xml" ContentType="application/xml"/>${overrides}`;
  types = types.replace("</Types>", `${overrides}</Types>`);
  zip.file(WORKBOOK_RELS, rels);
  zip.file(CONTENT_TYPES, types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The custom XML parts of a package, in item order, with the ids their itemProps give. */
export async function readCustomXmlParts(data: ArrayBuffer | Uint8Array): Promise<StoredXmlPart[]> {
  const zip = await JSZip.loadAsync(data);
  const items = Object.keys(zip.files)
    .map((name) => ({ name, n: /^customXml\/item(\d+)\.xml$/i.exec(name) }))
    .filter((x): x is { name: string; n: RegExpExecArray } => x.n !== null)
    .sort((a, b) => Number(a.n[1]) - Number(b.n[1]));
  const out: StoredXmlPart[] = [];
  for (const { name, n } of items) {
    const xml = decodeXml(await zip.file(name)!.async("uint8array"));
    // The props are found through the item's rels; Excel names them itemPropsN.xml, the fallback.
    const rels = await zip.file(`customXml/_rels/item${n[1]}.xml.rels`)?.async("string");
    const target = rels && /Target="([^"]+)"/.exec(rels)?.[1];
    const propsFile = zip.file(`customXml/${target ?? `itemProps${n[1]}.xml`}`);
    const props = propsFile ? decodeXml(await propsFile.async("uint8array")) : "";
    const id = /itemID="([^"]+)"/.exec(props)?.[1] ?? null;
    out.push({ id, xml });
  }
  return out;
}
