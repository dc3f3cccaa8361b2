import { create } from 'zustand';
import type { StateCreator } from 'zustand';
import type { AppInfo, NetStatus } from '../../shared/ipc/contract';
import type { DistrictPack } from '../../shared/ipc/packs';
import type { SettingsView } from '../../shared/ipc/settings';
import type { UpdateStatus } from '../../shared/policy/update';

/** The screens of the app. Deep state (runs, drafts, the outbox) lives in Dexie, not here. */
export type View =
  | { name: 'library' }
  | { name: 'run'; runId: string }
  | { name: 'draft'; draftId: string }
  | { name: 'queue' }
  | { name: 'history' }
  | { name: 'settings' }
  | { name: 'review' }
  | { name: 'dashboard' }
  | { name: 'audit' }
  | { name: 'studio'; sopId?: string };

export interface NavSlice {
  view: View;
  navigate: (view: View) => void;
}

export interface ShellSlice {
  info: AppInfo | null;
  net: NetStatus | null;
  setInfo: (info: AppInfo) => void;
  setNet: (net: NetStatus) => void;
  /** In-app updates as main's controller reports them (pushed as `updates:status`). */
  update: UpdateStatus | null;
  setUpdate: (update: UpdateStatus) => void;
  /** Settings as main holds them (never the token itself). */
  settings: SettingsView | null;
  setSettings: (settings: SettingsView) => void;
  /** The district's signed pack as main verified it (SopPackUrl), and its status. */
  districtPack: DistrictPack | null;
  setDistrictPack: (districtPack: DistrictPack) => void;
  /** A one-line confirmation shown after an action that moved the analyst elsewhere. */
  flash: string | null;
  setFlash: (flash: string | null) => void;
}

export type AppState = NavSlice & ShellSlice;

const createNavSlice: StateCreator<AppState, [], [], NavSlice> = (set) => ({
  view: { name: 'library' },
  navigate: (view) => set({ view }),
});

const createShellSlice: StateCreator<AppState, [], [], ShellSlice> = (set) => ({
  info: null,
  net: null,
  setInfo: (info) => set({ info }),
  setNet: (net) => set({ net }),
  update: null,
  setUpdate: (update) => set({ update }),
  settings: null,
  setSettings: (settings) => set({ settings }),
  districtPack: null,
  setDistrictPack: (districtPack) => set({ districtPack }),
  flash: null,
  setFlash: (flash) => set({ flash }),
});

/** One store made of slices; features add theirs here. Only ephemeral UI state lives in it. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createNavSlice(...a),
  ...createShellSlice(...a),
}));
