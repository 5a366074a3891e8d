import { useId, useState } from 'react';
import type { RecordFieldInfo } from '../../../node-library/contract';
import { useDraft } from '../useDraft';
import { DataList } from './DataList';
import type { FieldProps } from './field-props';
import { JsonFallback } from './JsonFallback';
import { asRecords, fieldsFor, firstOption, formatField, parseField, setField, type Rec } from './record-values';
import './structured-fields.css';

/**
 * records params (an aggregate's aggregations, expectations): one small form
 * per record, with the fields its kind takes, and JSON one click away for
 * what the form cannot say (a value with a comma in it).
 */
export function RecordsField(props: FieldProps & { fields: readonly RecordFieldInfo[]; columns: readonly string[] }) {
  const { testId, value, onChange, label, fields, columns } = props;
  const records = asRecords(value);
  const [asJson, setAsJson] = useState(false);
  const columnList = useId();
  if (asJson || records === null) return <JsonFallback {...props} shape="a list of records" backToForm={records !== null ? () => setAsJson(false) : undefined} />;
  const change = (next: Rec[]) => onChange(next.length === 0 ? undefined : next);
  const first = fields[0];
  const fresh: Rec = first?.kind === 'enum' && first.options?.[0] !== undefined ? { [first.name]: first.options[0] } : {};
  return (
    <div className="pw-records" role="group" aria-label={label}>
      <DataList id={columnList} values={columns} />
      {records.map((record, i) => (
        <div className="pw-record" key={i} data-testid={`${testId}-${i}`}>
          {fieldsFor(record, fields).map((field) => (
            <label key={`${field.name}:${field.kind}`} className={`pw-record__field pw-record__field--${field.kind}`}>
              <span className="pw-record__label">{field.label}</span>
              <RecordInput
                field={field}
                fields={fields}
                value={record[field.name]}
                testId={`${testId}-${i}-${field.name}`}
                columnList={columnList}
                onChange={(v) => change(records.with(i, setField(record, field.name, v, fields)))}
              />
            </label>
          ))}
          <button type="button" className="pw-icon-button pw-record__remove" aria-label={`Remove ${label} ${i + 1}`} data-testid={`${testId}-${i}-remove`} onClick={() => change(records.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <div className="pw-records__actions">
        <button type="button" className="pw-link-button" data-testid={`${testId}-add`} onClick={() => change([...records, fresh])}>
          + Add
        </button>
        <button type="button" className="pw-link-button" data-testid={`${testId}-as-json`} onClick={() => setAsJson(true)}>
          Edit as JSON
        </button>
      </div>
    </div>
  );
}

interface RecordInputProps {
  field: RecordFieldInfo;
  fields: readonly RecordFieldInfo[];
  value: unknown;
  testId: string;
  columnList: string;
  onChange(value: unknown): void;
}

function RecordInput({ field, fields, value, testId, columnList, onChange }: RecordInputProps) {
  const [draft, setDraft] = useDraft(value, formatField);
  if (field.kind === 'enum') {
    return (
      <select className="pw-input" data-testid={testId} value={String(value ?? firstOption(fields, field.name) ?? '')} onChange={(e) => onChange(e.target.value)}>
        {(field.options ?? []).map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      className="pw-input pw-input--mono"
      data-testid={testId}
      value={draft}
      placeholder={field.placeholder}
      spellCheck={false}
      list={field.kind === 'column' ? columnList : undefined}
      inputMode={field.kind === 'number' ? 'numeric' : undefined}
      onChange={(e) => {
        // The typed text stays as it is ("GB, " on the way to "GB, US"); the file gets what it stands for.
        const next = parseField(field.kind, e.target.value);
        setDraft(e.target.value, { value: next });
        onChange(next);
      }}
    />
  );
}
