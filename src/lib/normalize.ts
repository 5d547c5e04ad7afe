/**
 * The archive's text normalisation rules: the only changes made silently to a source text.
 * Listed for readers in the README ("Text normalisation"); the importer and the content tests use
 * these same functions, so the rules are applied one way everywhere.
 *
 * 1. Byte-order marks are dropped and line endings become `\n`.
 * 2. Quotes are straightened: ASCII `"`/`'` around Chinese text become “ ” / ‘ ’, pairing with any
 *    curly quotes already there.
 * 3. Half-width `, ; : ( ) ?` next to a Chinese character become full-width `，；：（）？`
 *    (`3:00`, `1,000` and other Latin/digit runs are left alone).
 * 4. Stray spaces between two Chinese characters are removed (headlines and bylines, where a space
 *    separates headline parts or names, are not passed through this rule).
 * 5. Lines and words that OCR broke across lines or columns are rejoined (`rejoinBrokenLines`): a
 *    prose line that stops mid-sentence is continued by the next line when that is prose starting with
 *    a Chinese character. Headings, titles, bylines, banners and photo captions are never glued, and
 *    nothing is moved: a sentence interrupted by captions stays in two parts around them.
 *
 * By concern, in normalize/: rules.ts (rules 1–4 and the comparison form), lines.ts (how rule 5 reads
 * a text's lines: shapes and roles) and rejoin.ts (rule 5's joining).
 */
export * from './normalize/rules.ts';
export * from './normalize/lines.ts';
export * from './normalize/rejoin.ts';
