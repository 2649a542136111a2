/**
 * Offline checks of manifest.xml: the online validator (`npm run validate`) needs Microsoft's service,
 * which this machine cannot reach, so the rules it would apply that have bitten add-ins before are
 * checked here. A manifest Excel rejects means the add-in silently fails to load for the user.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { JSDOM } from "jsdom";
import { ONE_CLICK_RANKING } from "../../src/commands/commands";
import { EXCEL_API_MIN } from "../../src/excel/requirements";

// webpack.config.js is CommonJS and stays out of the TypeScript project.
const webpackConfig = require("../../webpack.config.js");

const ROOT = path.join(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const { DOMParser } = new JSDOM("").window;

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, "application/xml");
}

const doc = parse(fs.readFileSync(MANIFEST, "utf8"));
const all = (tag: string, within: Document | Element = doc): Element[] =>
  Array.from(within.getElementsByTagName(tag));
const one = (tag: string, within: Document | Element = doc): Element => {
  const found = all(tag, within);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0];
};
/** A direct child of OfficeApp (Description also names ribbon tooltips further down). */
const topLevel = (tag: string): Element => {
  const found = Array.from(doc.documentElement.children).filter((c) => c.tagName === tag);
  if (found.length !== 1) throw new Error(`expected one top-level <${tag}>, found ${found.length}`);
  return found[0];
};
const children = (el: Element): string[] => Array.from(el.children).map((c) => c.tagName);

/** Fails with the first element that appears out of the schema's sequence. */
function expectOrder(el: Element, sequence: string[]): void {
  const names = children(el);
  const unknown = names.filter((n) => !sequence.includes(n));
  expect(unknown).toEqual([]);
  const positions = names.map((n) => sequence.indexOf(n));
  const sorted = [...positions].sort((a, b) => a - b);
  expect(names).toEqual(sorted.map((p) => sequence[p]));
}

/** Width and height from the IHDR, after checking the pixel data really decodes to that size. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  expect([buf[24], buf[25]]).toEqual([8, 6]); // 8-bit RGBA
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    if (buf.toString("ascii", at + 4, at + 8) === "IDAT")
      idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  expect(zlib.inflateSync(Buffer.concat(idat)).length).toBe(height * (width * 4 + 1));
  return { width, height };
}

const resources = one("Resources");
const idsIn = (group: string, item: string): Map<string, Element> =>
  new Map(all(item, one(group, resources)).map((e) => [e.getAttribute("id") ?? "", e]));
const images = idsIn("bt:Images", "bt:Image");
const urls = idsIn("bt:Urls", "bt:Url");
const shortStrings = idsIn("bt:ShortStrings", "bt:String");
const longStrings = idsIn("bt:LongStrings", "bt:String");

describe("manifest.xml is well-formed and in schema order", () => {
  it("parses as XML with a TaskPaneApp root", () => {
    expect(all("parsererror")).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.tagName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
  });

  it("reports a malformed manifest (the parser used here does catch errors)", () => {
    expect(
      parse("<OfficeApp><Id></OfficeApp>").getElementsByTagName("parsererror").length
    ).toBeGreaterThan(0);
  });

  it("keeps the OfficeApp children in the order of the TaskPaneApp schema", () => {
    expectOrder(doc.documentElement, [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
    ]);
  });

  it("keeps VersionOverrides, Host, DesktopFormFactor, Resources and each Control in schema order", () => {
    const overrides = one("VersionOverrides");
    expect(overrides.getAttribute("xsi:type")).toBe("VersionOverridesV1_0");
    expectOrder(overrides, ["Description", "Requirements", "Hosts", "Resources"]);
    const host = all("Host").find((h) => h.getAttribute("xsi:type") === "Workbook");
    expect(host).toBeDefined();
    expectOrder(host as Element, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expect(children(host as Element)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    expectOrder(one("DesktopFormFactor"), ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    expectOrder(resources, ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
    const cfPoint = all("ExtensionPoint").find(
      (e) => e.getAttribute("xsi:type") === "CustomFunctions"
    );
    expect(children(cfPoint as Element)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    for (const control of all("Control"))
      expectOrder(control, ["Label", "Supertip", "Icon", "Action"]);
  });
});

describe("manifest.xml declares the shared runtime THIDUA needs", () => {
  it("targets Excel workbooks, asks for SharedRuntime 1.1, CustomFunctionsRuntime 1.1 and the adapter's ExcelApi, and may write", () => {
    expect(all("Host").filter((h) => h.getAttribute("Name") === "Workbook")).toHaveLength(1);
    const sets = Object.fromEntries(
      all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])
    );
    // ExcelApi as the adapter needs it (getMergedAreasOrNullObject is 1.13): Office then does not
    // offer THIDUA to an Excel where reading a sheet would fail.
    expect(sets).toEqual({
      SharedRuntime: "1.1",
      CustomFunctionsRuntime: "1.1",
      ExcelApi: EXCEL_API_MIN,
    });
    expect(EXCEL_API_MIN).toBe("1.13");
    expect(topLevel("Permissions").textContent).toBe("ReadWriteDocument");
    expect(topLevel("DefaultLocale").textContent).toBe("en-US");
  });

  it("uses one long-lived runtime: Runtime, functions Page, FunctionFile and ShowTaskpane share a resid", () => {
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const resid = runtime.getAttribute("resid");
    const page = one("SourceLocation", one("Page"));
    const showTaskpane = all("Action").find(
      (a) => a.getAttribute("xsi:type") === "ShowTaskpane"
    ) as Element;
    expect(page.getAttribute("resid")).toBe(resid);
    expect(one("FunctionFile").getAttribute("resid")).toBe(resid);
    expect(one("SourceLocation", showTaskpane).getAttribute("resid")).toBe(resid);
    expect(urls.get(resid ?? "")?.getAttribute("DefaultValue")).toMatch(/\/taskpane\.html$/);
  });

  it("registers the custom functions under the THIDUA namespace, with Vietnamese metadata for vi-VN", () => {
    const ns = one("Namespace").getAttribute("resid") ?? "";
    expect(shortStrings.get(ns)?.getAttribute("DefaultValue")).toBe("THIDUA");
    const metadata = urls.get(
      one("SourceLocation", one("Metadata")).getAttribute("resid") ?? ""
    ) as Element;
    expect(metadata.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
    const vi = all("bt:Override", metadata).find((o) => o.getAttribute("Locale") === "vi-VN");
    expect(vi?.getAttribute("Value")).toMatch(/\/functions-vi\.json$/);
    const script = urls.get(
      one("SourceLocation", one("Script")).getAttribute("resid") ?? ""
    ) as Element;
    expect(script.getAttribute("DefaultValue")).toMatch(/\/functions\.js$/);
  });

  it("puts two buttons on the Home tab: Mở THIDUA (pane) and Xếp hạng nhanh (the oneClickRanking command)", () => {
    expect(one("OfficeTab").getAttribute("id")).toBe("TabHome");
    const controls = all("Control");
    expect(controls).toHaveLength(2);
    const viLabel = (c: Element): string | null | undefined => {
      const res = shortStrings.get(one("Label", c).getAttribute("resid") ?? "");
      return all("bt:Override", res as Element)
        .find((o) => o.getAttribute("Locale") === "vi-VN")
        ?.getAttribute("Value");
    };
    const actions = controls.map((c) => one("Action", c).getAttribute("xsi:type"));
    expect(actions).toEqual(["ShowTaskpane", "ExecuteFunction"]);
    expect(controls.map(viLabel)).toEqual(["Mở THIDUA", "Xếp hạng nhanh"]);
    // The ribbon finds the command by this name in the shared runtime; a mismatch is a dead button.
    expect(one("FunctionName").textContent).toBe(ONE_CLICK_RANKING);
  });
});

describe("manifest.xml ribbon ids", () => {
  it("gives the group and every control a unique id of at most 125 characters", () => {
    const ids = [...all("Group"), ...all("Control")].map((e) => e.getAttribute("id") ?? "");
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.length === 0 || id.length > 125)).toEqual([]);
  });
});

describe("manifest.xml resources", () => {
  const usedResids = all("*")
    .filter((e) => e.hasAttribute("resid"))
    .map((e) => ({ tag: e.tagName, resid: e.getAttribute("resid") as string }));

  it("resolves every resid to a bt:* resource of the right kind", () => {
    const kindOf = (tag: string): Map<string, Element> => {
      if (tag === "bt:Image") return images;
      if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(tag)) return urls;
      if (["Label", "Title", "Namespace"].includes(tag)) return shortStrings;
      if (tag === "Description") return longStrings;
      throw new Error(`no resource kind known for <${tag}>`);
    };
    const unresolved = usedResids.filter(({ tag, resid }) => !kindOf(tag).has(resid));
    expect(unresolved).toEqual([]);
    expect(usedResids.length).toBeGreaterThan(10);
  });

  it("defines no resource nobody uses (a stale entry hides a typo in a resid)", () => {
    const used = new Set(usedResids.map((u) => u.resid));
    const defined = [
      ...images.keys(),
      ...urls.keys(),
      ...shortStrings.keys(),
      ...longStrings.keys(),
    ];
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  it("keeps ids and resids within 32 characters, ShortStrings within 125 and LongStrings within 250", () => {
    const ids = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(ids.filter((id) => id.length > 32 || id.length === 0)).toEqual([]);
    expect(usedResids.filter((u) => u.resid.length > 32)).toEqual([]);
    const texts = (el: Element): string[] => [
      el.getAttribute("DefaultValue") ?? "",
      ...all("bt:Override", el).map((o) => o.getAttribute("Value") ?? ""),
    ];
    const tooLong = (m: Map<string, Element>, limit: number): string[] =>
      [...m.values()].flatMap(texts).filter((t) => t.length > limit || t.length === 0);
    expect(tooLong(shortStrings, 125)).toEqual([]);
    expect(tooLong(longStrings, 250)).toEqual([]);
    const top = (tag: string): string[] => [
      topLevel(tag).getAttribute("DefaultValue") ?? "",
      ...all("Override", topLevel(tag)).map((o) => o.getAttribute("Value") ?? ""),
    ];
    expect(top("DisplayName").filter((t) => t.length > 125)).toEqual([]);
    expect(top("Description").filter((t) => t.length > 250)).toEqual([]);
  });

  it("has a vi-VN text for the display name, the description and every ribbon string", () => {
    const hasVi = (el: Element): boolean =>
      [...all("bt:Override", el), ...all("Override", el)].some(
        (o) => o.getAttribute("Locale") === "vi-VN"
      );
    expect(hasVi(topLevel("DisplayName"))).toBe(true);
    expect(hasVi(topLevel("Description"))).toBe(true);
    const missing = [...shortStrings, ...longStrings]
      .filter(([id]) => id !== "Functions.Namespace") // THIDUA in every language: formulas must not change
      .filter(([, el]) => !hasVi(el))
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  it("uses only https URLs", () => {
    const values = [
      ...[...images.values(), ...urls.values()].flatMap((e) => [
        e.getAttribute("DefaultValue"),
        ...all("bt:Override", e).map((o) => o.getAttribute("Value")),
      ]),
      ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((t) =>
        one(t).getAttribute("DefaultValue")
      ),
      ...all("SourceLocation", one("DefaultSettings")).map((e) => e.getAttribute("DefaultValue")),
    ];
    expect(values.length).toBeGreaterThan(8);
    expect(values.filter((v) => !/^https:\/\/[^/\s]+\//.test(v ?? ""))).toEqual([]);
  });

  it("points every icon at a PNG in assets/ of the stated size (16, 32, 80; 32 and 64 for the store)", () => {
    const declared: [string, number][] = [
      ...[...images.values()].map((img): [string, number] => {
        const size = Number(
          all("bt:Image")
            .find((i) => i.getAttribute("resid") === img.getAttribute("id"))
            ?.getAttribute("size")
        );
        return [img.getAttribute("DefaultValue") ?? "", size];
      }),
      [one("IconUrl").getAttribute("DefaultValue") ?? "", 32],
      [one("HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", 64],
    ];
    expect(declared.map(([, s]) => s).sort((a, b) => a - b)).toEqual([16, 32, 32, 64, 80]);
    for (const [url, size] of declared) {
      const rel = new URL(url).pathname.replace(/^\//, "");
      expect(rel).toMatch(/^assets\/.+\.png$/);
      expect(pngSize(path.join(ROOT, rel))).toEqual({ width: size, height: size });
    }
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
  });
});

describe("the production manifest", () => {
  const source = fs.readFileSync(MANIFEST, "utf8");

  it("replaces every localhost address with THIDUA_URL, so no deployed manifest points at a developer's PC", () => {
    expect(source).toContain(webpackConfig.DEV_URL);
    const prodUrl = webpackConfig.productionUrl({
      THIDUA_URL: "https://thiduaso.tinh.gov.vn/addin",
    });
    expect(prodUrl).toBe("https://thiduaso.tinh.gov.vn/addin/");
    const prod = webpackConfig.replaceDevUrl(source, prodUrl) as string;
    expect(prod).not.toMatch(/localhost/i);
    expect(prod).toContain("https://thiduaso.tinh.gov.vn/addin/taskpane.html");
    expect(prod).toContain("https://thiduaso.tinh.gov.vn/addin/functions-vi.json");
    expect(all("parsererror", parse(prod))).toHaveLength(0);
  });

  it("copies the URL literally, even with characters a regex replacement would expand", () => {
    expect(webpackConfig.replaceDevUrl("a https://localhost:3000/x b", "https://h.vn/$&/")).toBe(
      "a https://h.vn/$&/x b"
    );
  });

  it("defaults to a clear placeholder and refuses an http:// THIDUA_URL (Office loads add-ins over https only)", () => {
    expect(webpackConfig.productionUrl({})).toBe("https://thidua.example.gov.vn/");
    expect(() => webpackConfig.productionUrl({ THIDUA_URL: "http://thidua.tinh.gov.vn" })).toThrow(
      /https/
    );
  });
});
