import type { GuaranteeShown } from './auditModel';

/** The delivery guarantee a consumer or a group of competing consumers achieved, coloured by its tone. */
export function GuaranteeBadge({ shown, testId }: { shown: GuaranteeShown; testId: string }) {
  return (
    <span className={`guarantee guarantee-${shown.tone}`} title={shown.meaning} data-testid={testId} data-value={shown.guarantee}>
      {shown.guaranteeLabel}
    </span>
  );
}
