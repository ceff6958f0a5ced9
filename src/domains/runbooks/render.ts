/**
 * Runbook Markdown to HTML, safely: raw HTML is off (a `<script>` is shown as
 * text), and a link or image survives only when it is http(s), mailto or
 * relative, judged after markdown-it has decoded entities and percent-escapes
 * (so `JaVaScRiPt:`, `&#106;avascript:` and `java\tscript:` are all refused).
 * Pure.
 */
import MarkdownIt from 'markdown-it';

const SCHEME = /^([a-z][a-z0-9+.-]*):/;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** True for an http(s), mailto or relative URL; false for every other scheme (javascript:, data:, vbscript:, file:, ...). */
export function isSafeLink(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme; so does this check.
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // a lone % is not an escape; judge the text as written
  }
  const squashed = [...decoded].filter((ch) => ch.charCodeAt(0) > 0x20 && (ch.charCodeAt(0) < 0x7f || ch.charCodeAt(0) > 0x9f)).join('').toLowerCase();
  const scheme = SCHEME.exec(squashed);
  // No scheme: a relative link (a path, `#anchor`, `?query` or `//host`, which takes the page's http(s)).
  return scheme === null || ALLOWED_SCHEMES.has(scheme[1]!);
}

function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.validateLink = isSafeLink;
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    // Links leave Firebreak: no referrer, no handle on the opener.
    tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

const renderer = createRenderer();

/** The runbook's Markdown as HTML that is safe to put in a page. */
export function renderRunbook(markdown: string): string {
  return renderer.render(markdown);
}

/** The distinct http(s) links of a runbook (what the link check requests), in order of appearance. */
export function runbookLinks(markdown: string): string[] {
  const found: string[] = [];
  const walk = (tokens: ReturnType<MarkdownIt['parse']>): void => {
    for (const token of tokens) {
      const href = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (href && /^https?:\/\//i.test(href) && !found.includes(href)) found.push(href);
      if (token.children) walk(token.children);
    }
  };
  walk(renderer.parse(markdown, {}));
  return found;
}
