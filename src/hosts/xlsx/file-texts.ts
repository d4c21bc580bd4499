import type { Bilingual } from "../../core/i18n/locale";

/**
 * What the .xlsx host says about a file it cannot read or write: one sentence that names the file and
 * says what to do. The command line shows them; a key missing one language fails the type check.
 */
export const FILE_TEXTS = {
  missing: { "zh-CN": "找不到文件 {path}：请检查路径。", en: "{path} does not exist: check the path." },
  isFolder: { "zh-CN": "{path} 是文件夹，不是 .xlsx 文件。", en: "{path} is a folder, not an .xlsx file." },
  unreadable: {
    "zh-CN": "无法读取 {path}（{code}）：请检查文件权限。",
    en: "{path} cannot be read ({code}): check its permissions.",
  },
  unknownError: { "zh-CN": "未知错误", en: "unknown error" },
  encrypted: {
    "zh-CN": "{path} 已加密或是旧版 .xls 格式：请在 Excel/WPS 中取消密码或另存为 .xlsx 后重试。",
    en: "{path} is encrypted or an old .xls file: remove the password or save it as .xlsx in Excel/WPS, then try again.",
  },
  notValid: {
    "zh-CN": "{path} 不是有效的 {kind} 文件：请在 Excel/WPS 中打开并另存为 .xlsx 后重试。",
    en: "{path} is not a valid {kind} file: open it in Excel/WPS, save it as .xlsx and try again.",
  },
  xmlEntity: {
    "zh-CN":
      "{path} 内部的 XML 使用了实体引用（正常的表格文件不会这样，可能被改动过），未读取：请在 Excel/WPS 中打开并另存为 .xlsx 后重试。",
    en: "{path} uses XML entities inside (spreadsheet files never do; it may have been tampered with) and was not read: open it in Excel/WPS, save it as .xlsx and try again.",
  },
  xmlBroken: {
    "zh-CN": "{path} 内部的 XML 已损坏：请在 Excel/WPS 中打开并另存为 .xlsx 后重试。",
    en: "{path} has broken XML inside: open it in Excel/WPS, save it as .xlsx and try again.",
  },
  notSpreadsheet: {
    "zh-CN": "{path} 不是表格文件：请提供 .xlsx、.xls、.ods 或 .csv 文件。",
    en: "{path} is not a spreadsheet: give an .xlsx, .xls, .ods or .csv file.",
  },
  notInEncoding: {
    "zh-CN": "{path} 不是 {encoding} 编码的文本：请检查 --encoding（如 utf-8、gb18030、utf-16le），或不指定让程序自动识别。",
    en: "{path} is not {encoding} text: check --encoding (e.g. utf-8, gb18030, utf-16le), or leave it out to detect the encoding.",
  },
  unwritable: {
    "zh-CN": "无法写入 {path}（{code}）：请检查文件夹是否存在、文件是否在其他程序中打开。",
    en: "{path} cannot be written ({code}): check the folder exists and the file is not open elsewhere.",
  },
  overSize: {
    "zh-CN":
      "{file} 解压后超过 {limit} MB 的读取上限（防止压缩炸弹耗尽内存）：如确是正常文件，请加 --max-size {raise} 提高上限后重试。",
    en: "{file} unpacks to more than the {limit} MB read limit (a guard against zip bombs): if the file is genuine, add --max-size {raise} to raise it and try again.",
  },
  overSizeRead: {
    "zh-CN":
      "{file} 超过 {limit} MB 的读取上限（防止耗尽内存；设备或管道读到上限即停止）：如确是正常文件，请加 --max-size {raise} 提高上限后重试。",
    en: "{file} is larger than the {limit} MB read limit (a guard on memory; a device or pipe is stopped there): if the file is genuine, add --max-size {raise} to raise it and try again.",
  },
  richTextBroken: {
    "zh-CN":
      "{path} 中有单元格的格式文本已损坏（文字片段嵌套在另一片段中，或缺少文字），无法完整写回：请在 Excel/WPS 中打开并另存为 .xlsx 后重试。",
    en: "{path} has a cell whose formatted text is damaged (a text run inside another, or one without text), so it cannot be written back whole: open it in Excel/WPS, save it as .xlsx and try again.",
  },
  overCells: {
    "zh-CN": "{file} 的单元格超过 {limit} 个的读取上限（防止耗尽内存）：如确需读取，请加 --max-cells {raise} 提高上限后重试。",
    en: "{file} holds more than the {limit}-cell read limit (a guard on memory): to read it anyway, add --max-cells {raise} and try again.",
  },
  overFullLoad: {
    "zh-CN":
      "{file} 太大，无法为 --out 整体载入：其单元格（连同空白的带格式单元格、行和列）折合约 {cells} 个，超过 {limit} 个的上限（防止耗尽内存）：如确需写出，请加 --max-cells {raise}，或去掉 --out 只读取。",
    en: "{file} is too large to load whole for --out: its cells (with the empty formatted ones, rows and columns) weigh about {cells} cells, over the {limit}-cell limit (a guard on memory): to write it anyway, add --max-cells {raise}, or leave out --out to only read it.",
  },
  cellTooLong: {
    "zh-CN": "{file} 的单元格 {cell} 超过 32,767 个字符（Excel 单元格的上限），未读取：请把该单元格的文字缩短后重试。",
    en: "{file} has a cell ({cell}) over 32,767 characters (the most an Excel cell holds) and was not read: shorten that cell's text and try again.",
  },
  someCellTooLong: {
    "zh-CN": "{file} 中有单元格超过 32,767 个字符（Excel 单元格的上限），未读取：请把该单元格的文字缩短后重试。",
    en: "{file} has a cell over 32,767 characters (the most an Excel cell holds) and was not read: shorten that cell's text and try again.",
  },
  partTooLarge: {
    "zh-CN": "{file} 中的 {part} 单个部分超过 512 MB，无法一次读入：请在 Excel/WPS 中把这张表拆成几张表或几个文件后重试。",
    en: "{file} has a part ({part}) over 512 MB, too large to read in one piece: split that sheet into several sheets or files in Excel/WPS and try again.",
  },
  sheetNameUnwritable: {
    "zh-CN": "工作表名称“{sheet}”为空或含有 : \\ / ? * [ ] 之一，无法写入 .xlsx：请在 Excel/WPS 中改名后重试。",
    en: 'The sheet name "{sheet}" is empty or holds one of : \\ / ? * [ ], so it cannot be written to an .xlsx: rename it in Excel/WPS and try again.',
  },
  xmlUnwritable: {
    "zh-CN": "{path} 未写入：其中 {part} 含有 .xlsx 无法存放的字符，写出的文件将无法打开；原文件未改动。",
    en: "{path} was not written: its part {part} holds a character an .xlsx cannot store, so the file would not open; nothing was replaced.",
  },
} as const satisfies Record<string, Bilingual>;
