import { PolicyEditor } from '../editors/PolicyEditor';

export function FilterForm() {
  return (
    <fieldset className="group">
      <legend>Filter</legend>
      <PolicyEditor path={['config', 'policy']} label="Policy" broker="EIP Message Filter, SNS filter-policy syntax"
        hint="Messages whose headers match pass on; the rest go to the invalid output, or are dropped when it is not connected." />
    </fieldset>
  );
}
