/**
 * The load/sync protocol every Office-shaped proxy follows: reads need `load` + `context.sync()` (else
 * PropertyNotLoaded), writes and method calls are queued and applied at `sync()` in order, a proxy is
 * bound to its model object when the first queued op reaches it.
 */
import { SimError, propertyNotLoaded } from "./errors";
import { WorkbookModel } from "./model";

/** What a proxy needs of its request context; RequestContextSim is the one implementation. */
export interface ProxyContext {
  readonly model: WorkbookModel;
  /** Null-object proxies created since the last sync: resolved at the sync so isNullObject works. */
  pendingNullables: ProxyBase[];
  enqueue(payload: unknown, run: () => void): void;
  countResponse(x: unknown): void;
}

export class ClientResult<T> {
  private _value: T | undefined;
  private _ready = false;
  constructor(private readonly owner: string) {}
  _resolve(v: T): void {
    this._value = v;
    this._ready = true;
  }
  get value(): T {
    if (!this._ready) throw propertyNotLoaded("value", this.owner);
    return this._value as T;
  }
}

export type LoadOption =
  | string
  | string[]
  | { select?: string | string[]; expand?: string | string[] }
  | Record<string, boolean>;

function parseLoad(opt?: LoadOption): string[] | null {
  if (opt === undefined) return null;
  if (typeof opt === "string")
    return opt
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(opt))
    return opt
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean);
  const o = opt as Record<string, unknown>;
  if ("select" in o || "expand" in o) {
    return [
      ...(parseLoad(o.select as string | string[]) ?? []),
      ...(parseLoad(o.expand as string | string[]) ?? []),
    ];
  }
  return Object.entries(o)
    .filter(([, v]) => v)
    .map(([k]) => k);
}

/**
 * A proxy for one API object. `resolver` runs at sync time, once: the object is bound when the first
 * queued op reaches it, as Office binds a path to an object reference.
 */
export abstract class ProxyBase {
  protected _loaded: Record<string, unknown> = {};
  private _bound = false;
  private _target: unknown = null;
  private _synced = false;
  protected abstract readonly _typeName: string;
  /** Scalar properties loaded by a bare `load()`. */
  protected abstract readonly _scalars: readonly string[];
  /** Navigation properties: load("format/font/bold") walks into them. */
  protected readonly _children: readonly string[] = [];

  constructor(
    readonly context: ProxyContext,
    protected readonly _path: string,
    private readonly _resolver: () => unknown,
    readonly _nullable = false
  ) {
    if (_nullable) context.pendingNullables.push(this);
  }

  /** Binds (once) and returns the model object; null for a null object. */
  _ref(): any {
    if (!this._bound) {
      this._target = this._resolver();
      this._bound = true;
    }
    this._synced = true;
    return this._target;
  }

  _touch(): void {
    this._ref();
  }

  /** The bound model object, or an error for a null object being used. */
  _must(): any {
    const t = this._ref();
    if (t === null || t === undefined) {
      throw new SimError(
        "InvalidObjectPath",
        `The object ${this._path} does not exist (null object).`
      );
    }
    return t;
  }

  get isNullObject(): boolean {
    if (!this._synced) throw propertyNotLoaded("isNullObject", this._typeName);
    return this._target === null || this._target === undefined;
  }

  protected _get<T>(prop: string): T {
    if (!(prop in this._loaded)) throw propertyNotLoaded(prop, this._typeName);
    return this._loaded[prop] as T;
  }

  protected _set(prop: string, value: unknown, apply: (target: any) => void): void {
    this._loaded[prop] = value;
    this.context.enqueue({ path: this._path, set: prop, value }, () => apply(this._must()));
  }

  protected _call(method: string, args: unknown[], run: (target: any) => void): void {
    this.context.enqueue({ path: this._path, call: method, args }, () => run(this._must()));
  }

  /** Reads one scalar property from the model object (subclasses). */
  protected abstract _read(target: any, prop: string): unknown;

  load(option?: LoadOption): this {
    const props = parseLoad(option) ?? [...this._scalars];
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of props) {
      const slash = p.indexOf("/");
      const head = slash < 0 ? p : p.slice(0, slash);
      if (this._children.includes(head)) {
        const rest = slash < 0 ? "" : p.slice(slash + 1);
        nested.set(head, [...(nested.get(head) ?? []), ...(rest ? [rest] : [])]);
      } else own.push(p);
    }
    for (const [child, sub] of nested) {
      const c = (this as any)[child] as ProxyBase;
      c.load(sub.length ? sub : undefined);
    }
    if (own.length > 0 || nested.size === 0) {
      this.context.enqueue({ path: this._path, load: own }, () => {
        const t = this._ref();
        if (t === null || t === undefined) return;
        for (const p of own) {
          const v = this._read(t, p);
          this._loaded[p] = v;
          this.context.countResponse(v);
        }
      });
    }
    return this;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }
}

/** Installs getters (and setters) that go through the load/queue protocol. */
export function props(
  cls: any,
  readable: string[],
  writable: Record<string, (target: any, v: any, self: any) => void> = {}
): void {
  for (const p of new Set([...readable, ...Object.keys(writable)])) {
    const w = writable[p];
    Object.defineProperty(cls.prototype, p, {
      configurable: true,
      get(this: any) {
        return this._get(p);
      },
      set: w
        ? function (this: any, v: unknown) {
            this._set(p, v, (t: any) => w(t, v, this));
          }
        : undefined,
    });
  }
}

export abstract class CollectionBase<P extends ProxyBase> extends ProxyBase {
  protected readonly _scalars = ["items"] as const;
  private _items: P[] | null = null;

  protected abstract _list(target: any): P[];

  get items(): P[] {
    if (!this._items) throw propertyNotLoaded("items", this._typeName);
    return this._items;
  }

  protected _read(): unknown {
    return undefined;
  }

  load(option?: LoadOption): this {
    const raw = parseLoad(option) ?? [];
    // "items/name", "name" and "items" all mean: the items, with these properties.
    const sub = raw.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    this.context.enqueue({ path: this._path, load: raw.length ? raw : ["items"] }, () => {
      const t = this._ref();
      const list = t === null || t === undefined ? [] : this._list(t);
      this._items = list;
      for (const item of list) {
        item._ref();
        const p = parseLoad(sub.length ? sub : undefined) ?? [...(item as any)._scalars];
        for (const prop of p) {
          if (prop.includes("/")) continue;
          const v = (item as any)._read(item._ref(), prop);
          (item as any)._loaded[prop] = v;
          this.context.countResponse(v);
        }
      }
    });
    return this;
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>(this._typeName);
    this.context.enqueue({ path: this._path, call: "getCount" }, () => {
      const t = this._ref();
      r._resolve(t === null || t === undefined ? 0 : this._list(t).length);
    });
    return r;
  }
}
