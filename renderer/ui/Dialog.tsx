import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * A modal dialog on the platform's `<dialog>`: `showModal()` gives the focus trap, Esc to close
 * and the inert page behind it, so none of that is re-implemented here. `onClose` runs however it
 * closes (Esc, a button); the caller unmounts it. Focus returns to where it was when it opened.
 */
export function Dialog({ labelledBy, onClose, className, children }: { labelledBy: string; onClose: () => void; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const closed = () => closeRef.current();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={labelledBy} className={`dialog${className ? ` ${className}` : ''}`}>
      {children}
    </dialog>
  );
}
