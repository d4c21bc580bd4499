import type { Bilingual } from "./locale";

/**
 * The texts hosts/xlsx still reads from here (a file over the read limits, a sheet name an .xlsx cannot
 * hold): they were in the command line's catalogue, which moved to src/cli/cli-messages.ts. Delete
 * this file once hosts/xlsx has its own texts.
 */
export const CLI_MESSAGES = {
  cliFileOverSize: {
    "zh-CN":
      "{file} 解压后超过 {limit} MB 的读取上限（防止压缩炸弹耗尽内存）：如确是正常文件，请加 --max-size {raise} 提高上限后重试。",
    en: "{file} unpacks to more than the {limit} MB read limit (a guard against zip bombs): if the file is genuine, add --max-size {raise} to raise it and try again.",
  },
  cliFileOverCells: {
    "zh-CN": "{file} 的单元格超过 {limit} 个的读取上限（防止耗尽内存）：如确需读取，请加 --max-cells {raise} 提高上限后重试。",
    en: "{file} holds more than the {limit}-cell read limit (a guard on memory): to read it anyway, add --max-cells {raise} and try again.",
  },
  cliFilePartTooLarge: {
    "zh-CN": "{file} 中的 {part} 单个部分超过 512 MB，无法一次读入：请在 Excel/WPS 中把这张表拆成几张表或几个文件后重试。",
    en: "{file} has a part ({part}) over 512 MB, too large to read in one piece: split that sheet into several sheets or files in Excel/WPS and try again.",
  },
  cliSheetNameUnwritable: {
    "zh-CN": "工作表名称“{sheet}”为空或含有 : \\ / ? * [ ] 之一，无法写入 .xlsx：请在 Excel/WPS 中改名后重试。",
    en: 'The sheet name "{sheet}" is empty or holds one of : \\ / ? * [ ], so it cannot be written to an .xlsx: rename it in Excel/WPS and try again.',
  },
} as const satisfies Record<string, Bilingual>;

export type CliMessageKey = keyof typeof CLI_MESSAGES;
