import { useLayoutEffect, useRef, useState, type UIEvent } from 'react';

/**
 * Windowing for long lists with a fixed row height: only the rows in view
 * (plus a few either side) are rendered, so 100,000 log lines cost the same
 * as 50. The container scrolls; a spacer keeps the scrollbar honest.
 */
export function useWindow(count: number, rowHeight: number, overscan = 10) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return {
    ref,
    onScroll: (e: UIEvent<HTMLElement>) => setScrollTop(e.currentTarget.scrollTop),
    start,
    end,
    totalHeight: count * rowHeight,
    offset: start * rowHeight,
  };
}
