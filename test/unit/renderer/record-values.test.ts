import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import type { RecordFieldInfo } from '../../../node-library/contract';
import { createRegistry } from '../../../node-library/nodes/registry';
import { expectationFields, expectationSchema } from '../../../node-library/nodes/quality/expectations';
import { asRecords, fieldsFor, formatField, parseField, setField } from '../../../renderer/inspector/fields/record-values';

describe('the records form', () => {
  it('shows per expectation the fields its type takes, type first', () => {
    const names = (record: Record<string, unknown>) => fieldsFor(record, expectationFields).map((f) => `${f.name}:${f.kind}`);
    expect(names({ type: 'in_range' })).toEqual(['type:enum', 'column:column', 'min:literal', 'max:literal', 'severity:enum', 'name:text']);
    expect(names({ type: 'row_count_between' })).toEqual(['type:enum', 'min:number', 'max:number', 'severity:enum', 'name:text']);
    // A record without a type has the first option's fields (not_null).
    expect(names({})).toEqual(['type:enum', 'column:column', 'severity:enum', 'name:text']);
  });

  it('drops the fields a new type takes none for, and keeps the rest', () => {
    const inSet = { type: 'in_set', column: 'country', values: ['GB'], severity: 'warn', name: 'known country' };
    expect(setField(inSet, 'type', 'not_null', expectationFields)).toEqual({ type: 'not_null', column: 'country', severity: 'warn', name: 'known country' });
    expect(setField(inSet, 'type', 'row_count_between', expectationFields)).toEqual({ type: 'row_count_between', severity: 'warn', name: 'known country' });
    // Another field leaves the record's other fields alone; undefined removes one.
    expect(setField(inSet, 'column', undefined, expectationFields)).toEqual({ type: 'in_set', values: ['GB'], severity: 'warn', name: 'known country' });
  });

  it('reads typed text as the values the node takes', () => {
    expect(parseField('literal', ' 10.5 ')).toBe(10.5);
    expect(parseField('literal', '2024-01-01')).toBe('2024-01-01');
    expect(parseField('literal', '007')).toBe('007'); // not a number as written: kept as text
    expect(parseField('number', '12')).toBe(12);
    expect(parseField('number', '12x')).toBe('12x'); // the node's check names it
    expect(parseField('values', 'GB, NL, 3, true, ')).toEqual(['GB', 'NL', 3, true]);
    expect(parseField('columns', 'a, b c,')).toEqual(['a', 'b c']);
    expect(parseField('text', '  ')).toBeUndefined();
    expect(formatField(['GB', 3])).toBe('GB, 3');
  });

  it('edits as JSON what is not a list of objects', () => {
    expect(asRecords(undefined)).toEqual([]);
    expect(asRecords([{ op: 'count' }])).toEqual([{ op: 'count' }]);
    expect(asRecords({ op: 'count' })).toBeNull();
    expect(asRecords([1, 2])).toBeNull();
  });
});

/** A value of the kind a person could type into the field. */
const sample = (field: RecordFieldInfo): unknown =>
  ({ text: 'x', number: 1, literal: 1, enum: field.options?.[0], column: 'amount', columns: ['amount'], values: ['GB'] })[field.kind];

describe('every records param of the library', () => {
  const registry = createRegistry();
  const records = registry.list().flatMap((info) => info.params.filter((p) => p.kind === 'records').map((p) => ({ type: info.type, param: p })));

  it('is declared with fields, its first one a choice', () => {
    expect(records.map((r) => `${r.type}.${r.param.name}`).sort()).toEqual(['quality.expect.expectations', 'transform.aggregate.aggregations']);
    for (const { param } of records) expect(param.fields?.[0]?.kind).toBe('enum');
  });

  it('never makes a field the node does not know: each shown field is a key its schema takes', () => {
    const aggregations = registry.get('transform.aggregate')!.params.aggregations.schema as z.ZodArray<z.ZodType>;
    const aggregationFields = records.find((r) => r.type === 'transform.aggregate')!.param.fields!;
    const check = (schema: z.ZodType, fields: RecordFieldInfo[]) => {
      const kinds = fields[0].options!;
      for (const kind of kinds) {
        for (const field of fieldsFor({ [fields[0].name]: kind }, fields).slice(1)) {
          const result = schema.safeParse({ [fields[0].name]: kind, [field.name]: sample(field) });
          const unknown = result.success ? [] : result.error.issues.filter((i) => i.code === 'unrecognized_keys');
          expect(unknown, `${kind}.${field.name}`).toEqual([]);
        }
      }
    };
    check(expectationSchema, expectationFields);
    check(aggregations.element, aggregationFields);
  });
});
