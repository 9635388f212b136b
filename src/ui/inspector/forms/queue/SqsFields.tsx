import { NumberField } from '../../fields/NumberField';

/** SQS visibility timeout and retention (semantics.md A2.1); blank means the SQS default. */
export function SqsFields() {
  return (
    <fieldset className="group">
      <legend>Visibility and retention</legend>
      <NumberField path={['config', 'visibilityTimeoutMs']} label="Visibility timeout" unit="ms" min={0} max={43_200_000} step={1000}
        empty="unset" placeholder="30000 (default)"
        hint="A received message is hidden this long; not deleted by then, it is received again." broker="SQS VisibilityTimeout" />
      <NumberField path={['config', 'retentionMs']} label="Retention" unit="ms" min={60_000} max={1_209_600_000} step={60_000}
        empty="unset" placeholder="345600000 (4 days)"
        hint="Messages older than this are deleted." broker="SQS MessageRetentionPeriod" />
    </fieldset>
  );
}
