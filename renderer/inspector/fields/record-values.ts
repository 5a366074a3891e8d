import type { RecordFieldInfo } from '../../../node-library/contract';

/** What a records param holds: a list of plain objects. Anything else is edited as JSON. */
export type Rec = Record<string, unknown>;

export function asRecords(value: unknown): Rec[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return null;
  return value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r)) ? (value as Rec[]) : null;
}

/** The fields shown for one record: those without a condition, and those whose condition it meets. */
export function fieldsFor(record: Rec, fields: readonly RecordFieldInfo[]): RecordFieldInfo[] {
  return fields.filter((f) => !f.when || f.when.values.includes(String(record[f.when.field] ?? firstOption(fields, f.when.field))));
}

/** An enum field's value when the record has none: its first option (the node's default). */
export function firstOption(fields: readonly RecordFieldInfo[], name: string): string | undefined {
  return fields.find((f) => f.name === name && f.kind === 'enum')?.options?.[0];
}

/**
 * The record with `name` set to `value` (undefined removes it). A new value of
 * a field others depend on (an expectation's type) drops what the new choice
 * takes no field for, so the record stays one the node accepts.
 */
export function setField(record: Rec, name: string, value: unknown, fields: readonly RecordFieldInfo[]): Rec {
  const next: Rec = { ...record };
  if (value === undefined) delete next[name];
  else next[name] = value;
  if (!fields.some((f) => f.when?.field === name)) return next;
  const kept = new Set(fieldsFor(next, fields).map((f) => f.name));
  for (const key of Object.keys(next)) if (!kept.has(key) && fields.some((f) => f.name === key)) delete next[key];
  return next;
}

/** A number as a person writes one: no leading zeros ("007" stays text), no hex, no spaces. */
export const numberText = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?$/;

/** A typed literal: a number when it reads as one, true/false, else the text. */
function literal(text: string): string | number | boolean {
  if (numberText.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A field's text as the value the file keeps; empty text removes the field. */
export function parseField(kind: RecordFieldInfo['kind'], text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (kind) {
    case 'number':
      // Text that is not a number is kept as it is: the node's check names the field.
      return numberText.test(trimmed) ? Number(trimmed) : trimmed;
    case 'literal':
      return literal(trimmed);
    case 'columns':
      return list(text);
    case 'values':
      return list(text).map(literal);
    default:
      return text;
  }
}

/** A field's value as the text its input shows. */
export function formatField(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
