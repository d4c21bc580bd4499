import type { StatusMap } from "../core/analysis/reading/deal-status";
import type { DataField } from "../core/analysis/reading/fields";
import type { DateOrder } from "../core/analysis/reading/records";

/**
 * Where and how a use case reads the user's deal and activity data: one shape for every request that reads
 * them (`readWorkbook(...).dataSource(request)`). What is left out comes from the workbook's settings
 * (`_sales_playbook`), then from detection.
 */
export interface DataSourceRequest {
  /** The deal sheet; found by its headers when left out. */
  readonly dealSheet?: string;
  /** The activity sheet; found by its headers when left out (only use cases that read activity take it). */
  readonly activitySheet?: string;
  /** Field -> header; when left out, the mapping remembered in the workbook, else detection. */
  readonly map?: Partial<Record<DataField, string>>;
  /** Status text -> class, over the classes remembered in the workbook and what the words say. */
  readonly statuses?: StatusMap;
  /** Day or month first, for dates the data cannot tell; decided per column from the data when left out. */
  readonly dateOrder?: DateOrder;
  /** Today (Excel serial): lines dated later are forecast, not revenue. */
  readonly today?: number;
}
