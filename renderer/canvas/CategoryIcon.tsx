import type { CategoryIconName } from './category-style';

/** 16x16 stroke icons, drawn in currentColor. */
const paths: Record<CategoryIconName, string> = {
  source: 'M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13h10',
  transform: 'M2.5 4h8M8 1.5 10.5 4 8 6.5M13.5 12h-8M8 9.5 5.5 12 8 14.5',
  sink: 'M8 10V2M4.5 5.5 8 2l3.5 3.5M3 13h10',
  code: 'M5.5 4 2 8l3.5 4M10.5 4 14 8l-3.5 4',
  database: 'M3 4c0-1.1 2.2-2 5-2s5 .9 5 2-2.2 2-5 2-5-.9-5-2Zm0 0v8c0 1.1 2.2 2 5 2s5-.9 5-2V4M3 8c0 1.1 2.2 2 5 2s5-.9 5-2',
  web: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2Zm-6 6h12M8 2c1.7 1.6 2.5 3.6 2.5 6S9.7 12.4 8 14C6.3 12.4 5.5 10.4 5.5 8S6.3 3.6 8 2Z',
  flow: 'M3 3h4v4H3zM9 9h4v4H9zM5 7v4h4',
  utility: 'M9.5 2.5a3 3 0 0 0-3.7 3.9L2.5 9.7v2.1l1.7 1.7h2.1l3.3-3.3a3 3 0 0 0 3.9-3.7l-1.8 1.8-1.9-.5-.5-1.9Z',
  generic: 'M3 3h10v10H3z',
};

export function CategoryIcon({ name, className }: { name: CategoryIconName; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={paths[name]} />
    </svg>
  );
}
