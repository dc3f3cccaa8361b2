import { describe, expect, it } from 'vitest';
import { createDeskbookIntl } from '../../i18n/intl';
import type { Translate } from '../../i18n';
import { signInText, thrownOutcome } from '../../outbox/apply-outcome';
import { missing } from '../../outbox/kinds';
import { outboxProblemText } from './problem-text';

function translator(language: 'en' | 'es'): Translate {
  const intl = createDeskbookIntl({ language, locale: language === 'en' ? 'en-US' : 'es-US' });
  const t = ((key, values) => intl.formatMessage({ id: key }, values)) as Translate;
  t.rich = (key, values) => intl.formatMessage({ id: key }, values as never);
  t.intl = intl;
  return t;
}

const es = translator('es');
const en = translator('en');
const failedMessage = (result: ReturnType<typeof missing>) => (result.ok && result.value.kind === 'failed' ? result.value.message : '');

describe('an outbox entry’s stored reason in the interface language', () => {
  it('says the outbox’s own sentences again in Spanish, keeping the part main supplied', () => {
    expect(outboxProblemText(es, signInText(403, 'denied'))).toBe(
      'El sistema de tickets rechazó la cuenta de Deskbook (403): denied. Vuelva a iniciar sesión en Configuración.',
    );
    expect(outboxProblemText(es, signInText(401, 'No token is stored.'))).toBe(
      'Deskbook no ha iniciado sesión en el sistema de tickets (401): No token is stored. Vuelva a iniciar sesión en Configuración.',
    );
    const lost = thrownOutcome(new Error('timeout'));
    expect(outboxProblemText(es, lost.kind === 'retry' ? lost.reason : '')).toBe('Deskbook no recibió respuesta de su propio proceso de sincronización (timeout).');
    expect(outboxProblemText(es, failedMessage(missing('corrected escalation')))).toBe(
      'El escalamiento corregido de esta entrada ya no está en la base de datos local.',
    );
  });

  it('keeps the English sentence as stored, and shows anything else (main’s words) unchanged', () => {
    expect(outboxProblemText(en, failedMessage(missing('call log')))).toBe('The call log for this entry is missing from the local database.');
    expect(outboxProblemText(en, signInText(401, 'bad token'))).toBe(
      'Deskbook is not signed in to the ticketing system (401): bad token. Sign in again in Settings.',
    );
    expect(outboxProblemText(es, 'RT refused the Deskbook Request ID field.')).toBe('RT refused the Deskbook Request ID field.');
    expect(outboxProblemText(es, 'The constructor for this entry is missing from the local database.')).toBe(
      'The constructor for this entry is missing from the local database.',
    );
  });
});
