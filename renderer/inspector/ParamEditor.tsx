import type { ParamInfo } from '../../node-library/contract';
import { CodeField } from '../editor/CodeField';
import { BooleanField } from './fields/BooleanField';
import { ColumnsField } from './fields/ColumnsField';
import { EnumField } from './fields/EnumField';
import type { FieldProps } from './fields/field-props';
import { InlineTableField } from './fields/InlineTableField';
import { JsonField } from './fields/JsonField';
import { KeyValueField } from './fields/KeyValueField';
import { NumberField } from './fields/NumberField';
import { PathField } from './fields/PathField';
import { RecordsField } from './fields/RecordsField';
import { SecretField } from './fields/SecretField';
import { TextField } from './fields/TextField';

/**
 * The editor for one param, chosen by its kind. A new kind in the contract
 * does not compile until it has a case here.
 */
export function ParamEditor({ param, columns, pipelineId, ...field }: FieldProps & { param: ParamInfo; columns: readonly string[]; pipelineId: string }) {
  switch (param.kind) {
    case 'string':
      return <TextField {...field} />;
    case 'path':
      return <PathField {...field} pipelineId={pipelineId} extensions={param.extensions ?? []} />;
    case 'number':
      return <NumberField {...field} />;
    case 'boolean':
      return <BooleanField {...field} fallback={param.default === true} />;
    case 'enum':
      return <EnumField {...field} options={param.options ?? []} />;
    case 'columns':
      return <ColumnsField {...field} suggestions={columns} />;
    case 'keyValue':
      return <KeyValueField {...field} secretValues={param.secretValues} />;
    case 'sql':
      return <CodeField {...field} language="sql" />;
    case 'code':
      return <CodeField {...field} language="javascript" />;
    case 'json':
      return <JsonField {...field} />;
    case 'records':
      return <RecordsField {...field} fields={param.fields ?? []} columns={columns} />;
    case 'inlineTable':
      return <InlineTableField {...field} />;
    case 'secret':
      return <SecretField {...field} />;
    default: {
      const unsupported: never = param.kind;
      return <p className="pw-field__error">This version of Pipewright has no editor for {String(unsupported)} params.</p>;
    }
  }
}

/** The type's default as a placeholder, e.g. `default: ,`. */
export function defaultHint(param: ParamInfo): string | undefined {
  if (param.default === undefined) return param.required ? 'required' : undefined;
  if (param.kind === 'boolean') return undefined;
  const text = typeof param.default === 'string' ? param.default : JSON.stringify(param.default);
  return text === '' || text === '[]' || text === '{}' ? undefined : `default: ${text}`;
}
