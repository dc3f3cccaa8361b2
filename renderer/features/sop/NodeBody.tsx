import { interpolate } from '../../../shared/sop/engine';
import type { RunInput } from '../../../shared/sop/engine';
import { NOT_VERIFIED } from '../../../shared/sop/engine';
import type { SopNode, VerifyNode } from '../../../shared/sop/schema';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { RunRow } from '../../db/db';
import { InputForm } from './InputForm';
import { OutcomeView } from './OutcomeView';
import { analystText, useUiLanguage } from './language';

/** A verify-identity node's answers, in order: each accepted method, then "could not verify" (labels are message keys). */
export function verifyChoices(node: VerifyNode): { method: string; label: MessageKey }[] {
  return [
    ...node.methods.map((method) => ({ method, label: VERIFY_METHOD_LABEL[method] })),
    { method: NOT_VERIFIED, label: 'sop.run.verify.notVerified' },
  ];
}

const VERIFY_METHOD_LABEL = {
  'callback-on-file': 'sop.run.verify.callbackOnFile',
  'district-facts': 'sop.run.verify.districtFacts',
  'photo-id-in-person': 'sop.run.verify.photoIdInPerson',
} as const satisfies Record<VerifyNode['methods'][number], MessageKey>;

/** The current node's own controls: continue, the numbered answers, the form, or the outcome. */
export function NodeBody({
  node,
  run,
  onSubmit,
  callerLanguage,
  onSwitchLanguage,
  preview,
}: {
  node: SopNode;
  run: RunRow;
  onSubmit: (input: RunInput) => Promise<void>;
  callerLanguage: string;
  onSwitchLanguage: () => void;
  preview: boolean;
}) {
  const t = useT();
  const uiLanguage = useUiLanguage();
  const vars = run.state.variables;
  /** A node text in the interface language, interpolated, in a paragraph with its `lang`. */
  const paragraph = (field: string, own: string) => {
    const shown = analystText(run.doc, node, field, own, uiLanguage);
    return (
      <p className="node-text" lang={shown.lang}>
        {interpolate(shown.text, vars)}
      </p>
    );
  };
  switch (node.kind) {
    case 'step':
      return (
        <>
          {paragraph('text', node.text)}
          <button type="button" className="primary" onClick={() => void onSubmit({ type: 'continue' })}>
            {t('sop.run.continue')} <kbd>Enter</kbd>
          </button>
        </>
      );
    case 'question':
      return (
        <ol className="choices" aria-label={t('sop.run.choicesLabel')}>
          {node.choices.map((choice, i) => {
            const label = analystText(run.doc, node, `choices[${i}].label`, choice.label, uiLanguage);
            return (
              <li key={choice.id}>
                <button type="button" onClick={() => void onSubmit({ type: 'choice', choiceId: choice.id })} aria-keyshortcuts={String(i + 1)}>
                  <kbd>{i + 1}</kbd> {label.lang ? <span lang={label.lang}>{interpolate(label.text, vars)}</span> : interpolate(label.text, vars)}
                </button>
              </li>
            );
          })}
        </ol>
      );
    case 'verify-identity':
      return (
        <>
          {paragraph('prompt', node.prompt)}
          <p className="muted">{t('sop.run.verify.recordOnly')}</p>
          <ol className="choices" aria-label={t('sop.run.verify.choicesLabel')}>
            {verifyChoices(node).map((choice, i) => (
              <li key={choice.method}>
                <button type="button" onClick={() => void onSubmit({ type: 'verify', method: choice.method })} aria-keyshortcuts={String(i + 1)}>
                  <kbd>{i + 1}</kbd> {t(choice.label)}
                </button>
              </li>
            ))}
          </ol>
        </>
      );
    case 'input':
      return (
        <>
          {paragraph('prompt', node.prompt)}
          <InputForm
            key={node.id}
            doc={run.doc}
            node={node}
            initial={{ ...vars, ...(run.state.previousAnswer?.type === 'input' ? run.state.previousAnswer.values : {}) }}
            onSubmit={(values) => void onSubmit({ type: 'input', values })} />
        </>
      );
    case 'outcome':
      return <OutcomeView node={node} run={run} callerLanguage={callerLanguage} onSwitchLanguage={onSwitchLanguage} preview={preview} />;
  }
}

