/** A report's byline as the page prints it and search indexes it: `本报记者 乌云、通讯员 王五`. */
export function bylineText(authors: readonly { name: string; role?: string | undefined }[]): string {
  return authors.map((a) => (a.role ? `${a.role} ${a.name}` : a.name)).join('、');
}
