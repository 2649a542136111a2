/**
 * The newest Excel API this adapter calls without a fallback: Range.getMergedAreasOrNullObject
 * (ExcelApi 1.13), asked of every sheet it reads. Microsoft 365, Excel 2021 and later, Excel on the
 * web and Excel for Mac 16.50 and later have it. manifest.xml asks for the same set (a test holds the
 * two equal) and the task pane checks it at start, for a sideloaded manifest Office did not check.
 */
export const EXCEL_API_MIN = "1.13";
