// jsdom has no TextEncoder (every browser and Node do); src/excel measures request sizes with it.
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as unknown as { TextEncoder?: unknown; TextDecoder?: unknown };
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
