/**
 * Whether a key event lands in a place that types text (an input, a text area, a select, an
 * editable element): single-key shortcuts (`?`, `/`, digits) must not fire there, or an analyst
 * typing a question mark into a note would open the shortcut sheet instead.
 */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Whether a modal dialog is open. A screen's own keys stay quiet then: a digit pressed in the
 * jump box or the shortcut sheet must not answer the step behind it.
 */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}
