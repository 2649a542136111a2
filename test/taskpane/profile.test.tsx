/**
 * The profile editor (DOMAIN §9): what the officer sets is what is saved in the workbook.
 */
import { act, render, screen, fireEvent, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import type { ClusterProfile } from "../../src/core/profile";
import { FakeService } from "./fake-service";

// Fluent forms are large DOMs and role queries compute every accessible name: slow on 2 shared cores.
jest.setTimeout(30_000);

async function renderProfile(svc: FakeService): Promise<void> {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane service={svc} initialStep="profile" />
    </FluentProvider>
  );
  await act(async () => undefined);
}

function lastSaved(svc: FakeService): ClusterProfile {
  const calls = svc.callsOf("saveProfile");
  return calls[calls.length - 1][0] as ClusterProfile;
}

test("§9 settings edited in the pane are saved in the workbook profile", async () => {
  const svc = new FakeService();
  await renderProfile(svc);
  const name = (await screen.findByRole("textbox", { name: "Tên cụm/khối" })) as HTMLInputElement;
  expect(name.value).toBe("Cụm thi đua số 3");
  fireEvent.change(name, { target: { value: "Cụm thi đua số 5" } });
  fireEvent.click(screen.getByRole("radio", { name: "Khối" }));
  fireEvent.change(screen.getByRole("combobox", { name: "Kỳ" }), { target: { value: "so-ket" } });
  fireEvent.change(screen.getByRole("textbox", { name: /Điểm thưởng tối đa/ }), {
    target: { value: "5,5" },
  });
  fireEvent.change(screen.getByRole("textbox", { name: "Số Bằng khen" }), {
    target: { value: "2" },
  });
  fireEvent.click(screen.getByRole("checkbox", { name: "Điểm thưởng nhiều hơn" }));
  fireEvent.click(screen.getByRole("checkbox", { name: "Điểm phần I cao hơn" }));
  fireEvent.change(
    screen.getByRole("textbox", { name: "Lý do Sở Tài chính không đủ điều kiện khen thưởng" }),
    {
      target: { value: "có cán bộ vi phạm kỷ luật; chưa đạt Tập thể lao động xuất sắc" },
    }
  );
  // The covenant's signature grid: the full name under a unit's signature.
  const signatory = screen.getByRole("textbox", { name: "Người ký của Sở Nội vụ" });
  fireEvent.change(signatory, { target: { value: "Nguyễn Văn An" } });
  fireEvent.click(screen.getByRole("button", { name: "Lưu cấu hình" }));
  await screen.findByText("Đã lưu vào tệp.");
  const p = lastSaved(svc);
  expect(p.signatories).toEqual({ "Sở Nội vụ": "Nguyễn Văn An" });
  expect(p.clusterName).toBe("Cụm thi đua số 5");
  expect(p.kind).toBe("khoi");
  expect(p.period).toBe("so-ket");
  expect(p.bonusCap).toBe(5.5);
  expect(p.awards.meritSlots).toBe(2);
  // K3: keys keep the order in which they were ticked.
  expect(p.tieBreak).toEqual(["more-bonus", "section-1"]);
  // K4: the reasons, one per ";".
  expect(p.eligibility).toEqual([
    {
      unit: "Sở Tài chính",
      reasons: ["có cán bộ vi phạm kỷ luật", "chưa đạt Tập thể lao động xuất sắc"],
    },
  ]);
  // The kind changes the titles the officer sees.
  expect(screen.getByRole("combobox", { name: "Khối trưởng" })).toBeTruthy();
});

test("K8 the rotation suggestion (deputy becomes head, next member deputy) is applied on request", async () => {
  const svc = new FakeService();
  await renderProfile(svc);
  await screen.findByText("Gợi ý năm sau: trưởng Sở Tư pháp, phó Sở Tài chính.");
  fireEvent.click(screen.getByRole("button", { name: "Áp dụng gợi ý" }));
  expect((screen.getByRole("combobox", { name: "Cụm trưởng" }) as HTMLSelectElement).value).toBe(
    "Sở Tư pháp"
  );
  expect((screen.getByRole("combobox", { name: "Cụm phó" }) as HTMLSelectElement).value).toBe(
    "Sở Tài chính"
  );
});

test("K6 a gap in the classification bands is shown while editing", async () => {
  const svc = new FakeService();
  await renderProfile(svc);
  await screen.findByRole("textbox", { name: "Tên cụm/khối" });
  expect(screen.queryByText(/không được xếp loại/)).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Xóa mức “Trung bình”" }));
  await screen.findByText(/Tổng điểm dưới 65 % không được xếp loại/);
  fireEvent.click(screen.getByRole("button", { name: "Lưu cấu hình" }));
  await waitFor(() => expect(svc.callsOf("saveProfile")).toHaveLength(1));
  expect(lastSaved(svc).bands.map((b) => b.minShare)).toEqual([0.8, 0.65]);
});

test("members typed one per line are saved trimmed, blank lines dropped, in order", async () => {
  const svc = new FakeService();
  await renderProfile(svc);
  const members = await screen.findByRole("textbox", { name: /Đơn vị thành viên/ });
  fireEvent.change(members, { target: { value: "Sở Y tế\n\n  Sở Xây dựng \nSở Nội vụ" } });
  fireEvent.click(screen.getByRole("button", { name: "Lưu cấu hình" }));
  await screen.findByText("Đã lưu vào tệp.");
  expect(lastSaved(svc).members).toEqual(["Sở Y tế", "Sở Xây dựng", "Sở Nội vụ"]);
});
