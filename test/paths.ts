/**
 * Where the tests find the repository's own files. Every test reaches samples, fixtures and the QA
 * cases through here, so the repository runs its tests wherever it is cloned.
 */
import * as path from "path";

/** The repository root (the folder holding package.json). */
export const ROOT = path.resolve(__dirname, "..");
/** The six reference cases s1…s6, written by scripts/make-samples.ts. */
export const SAMPLES = path.join(ROOT, "samples");
/** Golden cases written by test/fixtures/make-fixtures.ts. */
export const FIXTURES = path.join(ROOT, "test", "fixtures");
/** QA layouts written by test/qa/make-cases.ts. */
export const QA = path.join(ROOT, "test", "qa");

/** A file of one sample case, e.g. sample("s1-layout-a", "input.xlsx"). */
export function sample(caseName: string, file = "input.xlsx"): string {
  return path.join(SAMPLES, caseName, file);
}
