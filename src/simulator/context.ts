/**
 * The request context: queues the proxies' ops and runs them at `sync()`, counting every sync with the
 * bytes of its request (queued writes, calls and loads as JSON) and of its response.
 */
import { SimError } from "./errors";
import { WorkbookModel } from "./model";
import { ProxyBase, ProxyContext } from "./proxy";
import { ApplicationSim, WorkbookSim } from "./workbook";

/**
 * Excel on the web rejects a request, and refuses a response, above 5 MB; desktop allows more, but
 * the add-in must run on both.
 */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface SyncStats {
  syncs: number;
  /** Request bytes per sync, in order. */
  requestBytes: number[];
  /** Response bytes per sync (loaded values as JSON), in order. */
  responseBytes: number[];
}

export interface SimHost {
  model: WorkbookModel;
  stats: SyncStats;
  payloadLimitBytes: number;
}

interface Op {
  payload: unknown;
  run: () => void;
}

const encoder = new TextEncoder();
const bytesOf = (x: unknown): number => encoder.encode(JSON.stringify(x) ?? "").length;

export class RequestContextSim implements ProxyContext {
  readonly workbook: WorkbookSim;
  readonly application: ApplicationSim;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** Ops queued since the last sync. */
  private queue: Op[] = [];
  /** Null-object proxies created since the last sync: resolved at the sync so isNullObject works. */
  pendingNullables: ProxyBase[] = [];
  private responseBytes = 0;

  constructor(readonly host: SimHost) {
    this.workbook = new WorkbookSim(this, "workbook");
    this.application = this.workbook.application;
  }

  get model(): WorkbookModel {
    return this.host.model;
  }

  enqueue(payload: unknown, run: () => void): void {
    this.queue.push({ payload, run });
  }

  countResponse(x: unknown): void {
    this.responseBytes += bytesOf(x);
  }

  /** True when something is waiting to be sent (Office skips the round trip otherwise). */
  get hasPending(): boolean {
    return this.queue.length > 0 || this.pendingNullables.length > 0;
  }

  async sync<T>(passThrough?: T): Promise<T> {
    const ops = this.queue;
    const nullables = this.pendingNullables;
    this.queue = [];
    this.pendingNullables = [];
    if (ops.length === 0 && nullables.length === 0) return passThrough as T;
    const request = bytesOf(ops.map((o) => o.payload));
    const stats = this.host.stats;
    stats.syncs++;
    stats.requestBytes.push(request);
    this.responseBytes = 0;
    if (request > this.host.payloadLimitBytes) {
      stats.responseBytes.push(0);
      throw new SimError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${request} bytes > ${this.host.payloadLimitBytes}).`
      );
    }
    try {
      this.model.batch(() => {
        for (const op of ops) op.run();
        for (const p of nullables) p._touch();
      });
    } finally {
      stats.responseBytes.push(this.responseBytes);
    }
    // The answer is limited too (Excel on the web): loads of a huge used range fail as a whole.
    if (this.responseBytes > this.host.payloadLimitBytes)
      throw new SimError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} bytes > ${this.host.payloadLimitBytes}).`
      );
    // Office answers asynchronously; awaiting a tick keeps callers honest about ordering.
    await Promise.resolve();
    return passThrough as T;
  }
}
