/**
 * Makes a line of source text safe to put into an MDX body, so it compiles and renders exactly as
 * written. MDX reads `{ }` as JavaScript, `<` as JSX and `import`/`export` at a line start as ESM;
 * Markdown (with GFM, as the site builds it) reads `# * _ ~ [ ] | \` & > @`, list markers and URLs.
 * Each such character is backslash-escaped (CommonMark escapes any ASCII punctuation); a leading
 * `import`/`export` gets a character reference for its first letter. Bare URLs and e-mail addresses
 * still become links (GFM finds them in the parsed text), with their text unchanged.
 */

/** Characters that can start or close Markdown/MDX syntax anywhere in a line. */
const INLINE = /[\\`*_~[\]<>{}|&#@]/g;

export function escapeMdxText(text: string): string {
  let line = text.trim().replace(INLINE, (char) => `\\${char}`);
  // GFM's parser reads `http://…` and `www.…` raw, so escapes inside them would show: an escape in the
  // trigger (`http\:`, `www\.`) leaves the rest to ordinary text.
  line = line.replace(/(www)\./giu, '$1\\.').replace(/(https?|ftp|mailto|xmpp):/giu, '$1\\:');
  // Block syntax at the line start: list markers (`-`, `+`, `1.`, `1)`), setext/thematic `=`.
  line = line.replace(/^([-+=])/u, '\\$1').replace(/^(\d{1,9})([.)])/u, '$1\\$2');
  // ESM: `import`/`export` followed by a space at the start of a line would be parsed as JavaScript.
  line = line.replace(/^(i)(?=mport\b)|^(e)(?=xport\b)/u, (letter) => `&#x${letter.charCodeAt(0).toString(16)};`);
  return line;
}

/** A JSX string attribute value (`text="…"`): JSX has no escapes, so quotes use the other delimiter. */
export function jsxAttribute(name: string, value: string): string {
  if (!value.includes('"')) return `${name}="${value}"`;
  if (!value.includes("'")) return `${name}='${value}'`;
  return `${name}={${JSON.stringify(value)}}`;
}
