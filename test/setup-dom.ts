import { configure } from "@testing-library/dom";

// Fluent UI v9 (MessageBar, overflow) observes sizes; jsdom has no ResizeObserver.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver =
  (globalThis as unknown as { ResizeObserver?: unknown }).ResizeObserver ?? ResizeObserverStub;

// The pane's later screens load their code on demand; on a loaded two-core machine the first import of
// one takes more than testing-library's 1 s default wait for it to appear.
configure({ asyncUtilTimeout: 10_000 });
