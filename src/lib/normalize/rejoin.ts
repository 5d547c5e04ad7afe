/** Rule 5 (see ../normalize.ts): lines OCR broke mid-sentence are joined back, by the roles lines.ts gives. */
import {
  continuesSentence,
  defaultLineRole,
  leavesSentenceOpen,
  textLines,
  type LineRole,
  type RoleContext,
  type TextLine,
} from './lines.ts';

/** A paragraph (or heading, caption …) after rule 5: its text and the source lines it joins. */
export interface JoinedBlock<L extends TextLine = TextLine> {
  role: LineRole;
  text: string;
  lines: L[];
}

/**
 * Rule 5 over classified lines: each prose line that directly follows a prose paragraph and continues
 * its open sentence is appended to that paragraph.
 */
export function rejoinLines<L extends TextLine>(
  lines: readonly L[],
  roleOf: (line: L, context: RoleContext) => LineRole = defaultLineRole,
): JoinedBlock<L>[] {
  const blocks: JoinedBlock<L>[] = [];
  // The open paragraph's parts are joined once at the end, so a long run of broken lines stays linear.
  let open: { block: JoinedBlock<L>; parts: string[] } | undefined;
  let previousRole: LineRole | undefined;
  const close = () => {
    if (open && open.parts.length > 1) open.block.text = open.parts.join('');
    open = undefined;
  };
  lines.forEach((line, i) => {
    const tail = open?.parts[open.parts.length - 1];
    const openTail = tail !== undefined && leavesSentenceOpen(tail) ? tail : undefined;
    const role = roleOf(line, { open: openTail, previousRole, next: lines[i + 1] });
    const adjacent = previousRole === 'prose';
    previousRole = role;
    if (role === 'prose' && adjacent && open && openTail !== undefined && continuesSentence(openTail, line.text)) {
      open.parts[open.parts.length - 1] = openTail.trimEnd();
      open.parts.push(line.text.trim());
      open.block.lines.push(line);
      return;
    }
    const block: JoinedBlock<L> = { role, text: line.text, lines: [line] };
    blocks.push(block);
    if (role === 'prose') {
      close();
      open = { block, parts: [line.text] };
    } else if (role === 'break') {
      close();
    }
  });
  close();
  return blocks;
}

/** Rule 5 on a whole text: joined lines lose the blank lines between them; all else stays. */
export function rejoinBrokenLines(text: string): string {
  const { lines, trailingGap } = textLines(text);
  const blocks = rejoinLines(lines);
  return (
    blocks.map((block) => '\n'.repeat(block.lines[0]?.gapBefore ?? 0) + block.text).join('\n') +
    '\n'.repeat(trailingGap)
  );
}
