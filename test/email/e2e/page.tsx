/**
 * The page the email E2E test loads in Chromium: the email tab over the simulator, exactly as the
 * pane wires it over Office (same service, same ExcelJS parsing in the browser).
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { defaultProfile } from "../../../src/core/profile";
import { profileToXml } from "../../../src/excel/profile-store";
import { createSimulator } from "../../../src/simulator";
import { EmailPanel } from "../../../src/taskpane/email/EmailPanel";
import { createExcelEmailService } from "../../../src/taskpane/email/excel-email-service";

const sim = createSimulator({ sheets: ["Ghi chú"] });
(window as unknown as { __sim: typeof sim }).__sim = sim;
const profile = {
  ...defaultProfile(2025),
  clusterName: "Cụm thi đua các cơ quan tham mưu tổng hợp",
  members: ["Sở Tư pháp", "Sở Ngoại vụ", "Ban Dân tộc", "Sở Nội vụ", "Thanh tra tỉnh"],
};

void sim.Excel.run(async (ctx: any) => {
  ctx.workbook.customXmlParts.add(profileToXml(profile));
  ctx.workbook.worksheets.getItem("Ghi chú").getRange("A1").values = [["Họp cụm ngày 05/01"]];
  await ctx.sync();
}).then(() => {
  createRoot(document.getElementById("root") as HTMLElement).render(
    <FluentProvider theme={webLightTheme}>
      <EmailPanel service={createExcelEmailService(sim.Excel)} lang="vi" />
    </FluentProvider>
  );
});
