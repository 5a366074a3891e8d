import { useState } from 'react';

export type SetDraft<T> = (text: string, committed?: { value: T }) => void;

/**
 * Text being typed for a value that only some texts stand for (a number,
 * JSON). The draft follows the value when it changes from outside (undo),
 * and keeps what the user typed when the change was the draft's own commit.
 */
export function useDraft<T>(value: T, format: (value: T) => string): [string, SetDraft<T>] {
  const [state, setState] = useState(() => ({ draft: format(value), seen: value }));
  let current = state;
  if (!Object.is(state.seen, value)) {
    current = { draft: format(value), seen: value };
    setState(current);
  }
  const setDraft: SetDraft<T> = (text, committed) => setState({ draft: text, seen: committed ? committed.value : current.seen });
  return [current.draft, setDraft];
}
