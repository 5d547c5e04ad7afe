/**
 * The archive's statistics as open data, by concern: the records' model and fields (src/schemas/open-data.ts),
 * the records made from the archive (records.ts), the published files and their schemas (formats.ts), and
 * the groupings the data pages show (views.ts).
 */
export {
  LICENCE,
  METRIC_CSV_FIELDS,
  REPORT_FIELDS,
  STATISTIC_FIELDS,
  type DocumentEnvelope,
  type Field,
  type FieldType,
  type ReportRecord,
  type ReportsDocument,
  type StatisticRecord,
  type StatisticsDocument,
} from '../../schemas/open-data.ts';
export * from './records.ts';
export * from './formats.ts';
export * from './views.ts';
