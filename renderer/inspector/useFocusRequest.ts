import { useEffect, useRef } from 'react';
import { useAppStore } from '../store/app-store';

/** A ref for a field's container; when the problems panel asks for this field, its first input gets focus. */
export function useFocusRequest<T extends HTMLElement>(nodeId: string, field: string) {
  const ref = useRef<T>(null);
  const request = useAppStore((s) => (s.focusField?.nodeId === nodeId && s.focusField.field === field ? s.focusField.at : null));
  useEffect(() => {
    if (request === null || !ref.current) return;
    ref.current.scrollIntoView({ block: 'center' });
    const field = ref.current.querySelector<HTMLElement>('input, textarea, select') ?? ref.current.querySelector<HTMLElement>('button');
    field?.focus();
  }, [request]);
  return ref;
}
