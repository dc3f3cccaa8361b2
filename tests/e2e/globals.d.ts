import type { DeskbookApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** Defined in the page by the binding bridge (dist/web/binding-bridge.js). */
    readonly deskbook?: DeskbookApi;
  }
}
