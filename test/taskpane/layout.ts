/**
 * jsdom lays nothing out: every size is 0, and Fluent's overflow manager then hides every step tab
 * but the open one. Here the tab row is `paneWidth` wide and each tab 70 px (the "⋯" button 32 px),
 * roughly what Chromium gives the Vietnamese tabs, so tests see what a pane of that width shows.
 */
let paneWidth = 1000;

export function setPaneWidth(px: number): void {
  paneWidth = px;
}

Object.defineProperty(HTMLElement.prototype, "clientWidth", {
  configurable: true,
  get(this: HTMLElement): number {
    return this.getAttribute("role") === "tablist" ? paneWidth : 0;
  },
});

Object.defineProperty(HTMLElement.prototype, "offsetWidth", {
  configurable: true,
  get(this: HTMLElement): number {
    if (this.getAttribute("role") === "tab") return 70;
    return this.hasAttribute("data-overflow-menu") ? 32 : 0;
  },
});
