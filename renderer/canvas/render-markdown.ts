import { Marked, type Tokens } from 'marked';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Links that only navigate: no `javascript:` or `data:` URLs. */
const safeHref = (href: string) => /^(https?:|mailto:|#|\/|\.)/i.test(href.trim());

/**
 * Markdown as HTML for sticky notes. Raw HTML in the text is shown as text,
 * never as markup, links open only http(s)/mailto targets in a new window,
 * and images are shown as their alt text (no requests leave the app).
 */
const markdown = new Marked({
  async: false,
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    link({ href, title, tokens }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (!safeHref(href)) return text;
      const titled = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(href)}"${titled} target="_blank" rel="noopener noreferrer">${text}</a>`;
    },
    image: ({ text }: Tokens.Image) => escapeHtml(text),
  },
});

export function renderMarkdown(text: string): string {
  return markdown.parse(text) as string;
}
