import { sopPackSchema } from '../../../shared/sop/schema';
import type { InputNode, SopDocument } from '../../../shared/sop/schema';

/**
 * A small SOP written in English and Spanish, for the runner's language tests: a question with
 * both languages' labels, an input whose hint exists only in English, and an outcome.
 */
export const BILINGUAL_DOC: SopDocument = sopPackSchema.parse({
  id: 'bilingual-pack',
  title: 'Bilingual test pack',
  version: '1.0.0',
  publisher: 'Deskbook tests',
  languages: ['en', 'es'],
  sops: [
    {
      id: 'portal-login',
      title: { en: 'Parent portal login', es: 'Acceso al portal de padres' },
      version: '1.0.0',
      audience: ['analyst'],
      locale: 'en-US',
      symptoms: { en: ["can't log in to the parent portal"], es: ['no puedo entrar al portal de padres'] },
      start: 'ask-signed-in',
      nodes: {
        'ask-signed-in': {
          kind: 'question',
          prompt: { en: 'Can the parent sign in?', es: '¿Puede iniciar sesión el padre o la madre?' },
          say: { en: 'Let us check your sign-in together.', es: 'Vamos a revisar juntos su acceso.' },
          choices: [
            { id: 'yes', label: { en: 'Yes, signed in', es: 'Sí, ya entró' }, next: 'done' },
            { id: 'no', label: { en: 'No, still locked out', es: 'No, sigue sin poder entrar' }, next: 'callback' },
          ],
        },
        callback: {
          kind: 'input',
          prompt: { en: 'Take a number to call back.', es: 'Anote un número para devolver la llamada.' },
          say: { en: 'What number can we call you back on?', es: '¿A qué número le podemos devolver la llamada?' },
          fields: [
            {
              var: 'callbackPhone',
              label: { en: 'Callback phone', es: 'Teléfono para devolver la llamada' },
              hint: 'Ten digits, area code first',
              type: 'phone',
            },
          ],
          next: 'done',
        },
        done: {
          kind: 'outcome',
          say: { en: 'You are all set.', es: 'Ya está todo listo.' },
          outcome: { type: 'resolved', summary: 'Parent signed in' },
        },
      },
    },
  ],
}).sops[0]!;

export const CALLBACK_NODE = BILINGUAL_DOC.nodes.find((node): node is InputNode => node.kind === 'input')!;
