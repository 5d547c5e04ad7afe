/** Dates as the archive shows them: 2024年9月, with 推定 for inferred dates. */

export interface ArchiveDate {
  value: string;
  precision: 'year' | 'month' | 'day';
  inferred: boolean;
}

export function formatDate(date: ArchiveDate): string {
  const [year, month, day] = date.value.split('-').map(Number);
  let text = `${year}年`;
  if (date.precision !== 'year' && month) text += `${month}月`;
  if (date.precision === 'day' && day) text += `${day}日`;
  return date.inferred ? `${text}（推定）` : text;
}

/** The report's date for display, falling back to its year of publication. */
export function publicationDate(year: number, date?: ArchiveDate): string {
  return date ? formatDate(date) : `${year}年`;
}
