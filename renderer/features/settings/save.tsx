import { useState } from 'react';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useAppStore } from '../../state/store';
import { deskbook } from '../../ipc/client';

/**
 * A form's last outcome: done, as a message formatted when shown (so "Saved." reads in the
 * language just chosen), or failed, in the words main sent.
 */
export type Outcome = { ok: true; done: MessageKey } | { ok: false; text: string };

/** Saves a settings patch through main and keeps the form's last outcome to show. */
export function useSave() {
  const setSettings = useAppStore((s) => s.setSettings);
  const [message, setMessage] = useState<Outcome | null>(null);
  const save = async (patch: Parameters<ReturnType<typeof deskbook>['settings']['update']>[0], done: MessageKey) => {
    const result = await deskbook().settings.update(patch);
    if (result.ok) {
      setSettings(result.value);
      setMessage({ ok: true, done });
    } else {
      setMessage({ ok: false, text: result.error.message });
    }
    return result.ok;
  };
  return { save, message, setMessage };
}

/** A form's last outcome, as a status or an alert. */
export function Message({ message }: { message: Outcome | null }) {
  const t = useT();
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'error-text'}>
      {message.ok ? t(message.done) : message.text}
    </p>
  );
}

