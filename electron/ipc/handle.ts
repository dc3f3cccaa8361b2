import { CHANNEL_NAMES, PUSH_CHANNEL } from '../../shared/ipc/channels';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { Router, SenderInfo } from './router';

/** The part of Electron's `WebFrameMain` the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
}

/** The part of an `IpcMainInvokeEvent` the sender check reads; `senderFrame` may be null. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null | undefined;
}

/** The part of Electron's `ipcMain` Deskbook uses; injected so this file runs in plain Node. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
}

/** Reads the sender of an invoke; a missing frame (navigated away, destroyed) yields null. */
export function senderOf(event: InvokeEventLike): SenderInfo | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { url: frame.url, isTopFrame: frame.parent === null };
}

/**
 * Registers every contract channel on `ipcMain`. This and the preload are the only code that
 * touches Electron IPC; everything else goes through the router.
 */
export function registerIpc(ipcMain: IpcMainLike, router: Router): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload) => router.dispatch(senderOf(event), channel, payload));
  }
}

export interface WebContentsLike {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Sends a typed push to a window; a closed window is skipped, not an error. */
export function push<E extends EventName>(target: WebContentsLike, event: E, payload: EventPayload<E>): void {
  if (!target.isDestroyed()) target.send(PUSH_CHANNEL, event, payload);
}
