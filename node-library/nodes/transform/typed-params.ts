import * as z from 'zod';
import type { RecordFieldInfo } from '../../contract';
import { param, type ParamSpec } from '../params';

type Extra<T> = Pick<ParamSpec<T>, 'description' | 'default' | 'optional'>;

const sqlValue = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Stricter variants of the builders in ../params: the same kinds (so the
 * inspector needs no new editor), with validators that say what is wrong.
 */
export const typedParam = {
  /** A `json` param whose value must match `schema`; zod's issue path names the field inside it. */
  json: <T>(label: string, schema: z.ZodType<T>, extra: Extra<T> = {}): ParamSpec<T> => ({ kind: 'json', label, schema, ...extra }),
  /**
   * A list of objects that must match `schema`, edited in the inspector as a
   * form of `fields` per record (JSON stays one click away).
   */
  records: <T>(label: string, schema: z.ZodType<T>, fields: RecordFieldInfo[], extra: Extra<T> = {}): ParamSpec<T> => ({ kind: 'records', label, schema, fields, ...extra }),
  /** A `columns` param that needs at least one column. */
  someColumns: (label: string, extra: Extra<string[]> = {}): ParamSpec<string[]> => ({
    ...param.columns(label, extra),
    schema: z.array(z.string().min(1, 'a column name must not be empty')).min(1, 'pick at least one column'),
  }),
  /** A `keyValue` param that needs at least one entry, with non-empty keys and values. */
  someKeyValues: (label: string, extra: Extra<Record<string, string>> = {}): ParamSpec<Record<string, string>> => ({
    ...param.keyValue(label, extra),
    schema: z
      .record(z.string().min(1, 'a name must not be empty'), z.string().trim().min(1, 'a value must not be empty'))
      .refine((r) => Object.keys(r).length > 0, 'add at least one entry'),
  }),
  /** Values for `$name` placeholders in a SQL param; `{ "$param": "x" }` binds a run parameter. */
  values: (): ParamSpec<Record<string, string | number | boolean>> => ({
    kind: 'json',
    label: 'Values',
    description: 'Values for `$name` placeholders in the SQL, inserted as literals, e.g. `{ "country": { "$param": "country" } }` to use a run parameter.',
    schema: z.record(z.string(), sqlValue).superRefine((record, ctx) => {
      for (const key of Object.keys(record)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'a placeholder name is letters, digits and _' });
      }
    }),
    default: {},
  }),
};
