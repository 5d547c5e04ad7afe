/**
 * The archive's statistics as open data, by concern: the record fields (fields.ts), the records made from
 * the archive (records.ts), the published files and their schemas (formats.ts), and the groupings the
 * data pages show (views.ts).
 */
export * from './fields.ts';
export * from './records.ts';
export * from './formats.ts';
export * from './views.ts';
