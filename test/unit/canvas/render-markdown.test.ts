import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../renderer/canvas/render-markdown';

describe('sticky note Markdown', () => {
  it('renders headings, emphasis, lists and code', () => {
    const html = renderMarkdown('# Title\n\nRows are **raw** and *late*.\n\n- one\n- two\n\n`amount > 100`');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>raw</strong>');
    expect(html).toContain('<em>late</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code>amount &gt; 100</code>');
  });

  it('shows raw HTML as text, never as markup', () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)">\n\nhi <script>alert(2)</script> <b onclick="x()">b</b>');
    expect(html).not.toMatch(/<img|<script|<b /);
    expect(html).toContain('&#60;script&#62;');
  });

  it('keeps http links and drops javascript: ones and images', () => {
    expect(renderMarkdown('[docs](https://example.com)')).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">docs</a>');
    const bad = renderMarkdown('[click](javascript:alert(1)) ![pic](https://example.com/x.png)');
    expect(bad).not.toContain('href');
    expect(bad).not.toContain('<img');
    expect(bad).toContain('click');
  });
});
