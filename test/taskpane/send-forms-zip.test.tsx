/**
 * The email tab hands the self-score forms over as ONE download (issue 18): a zip named after the
 * cluster and year where there are several members, never one download per member (browsers ask the
 * user to allow a page that starts seven); each form can still be downloaded alone.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SendForms } from "../../src/taskpane/email/SendForms";
import type { EmailService, TemplateFile } from "../../src/taskpane/email/service";

const UNITS = ["Sở Tư pháp", "Sở Ngoại vụ", "Ban Dân tộc"];

// jsdom's Blob lacks arrayBuffer(), which every browser the add-in runs in has.
const proto = Blob.prototype as { arrayBuffer?: () => Promise<ArrayBuffer> };
proto.arrayBuffer ??= function (this: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(this);
  });
};

function service(files: TemplateFile[]): EmailService {
  return {
    formSettings: jest.fn(async () => ({
      year: 2025,
      clusterName: "Cụm thi đua các cơ quan tham mưu tổng hợp",
      yearFrom: "profile" as const,
      clusterFrom: "profile" as const,
    })),
    templateFiles: jest.fn(async () => files),
    openTemplateWorkbook: jest.fn(async () => false),
  } as unknown as EmailService;
}

const form = (unit: string): TemplateFile => ({
  unit,
  fileName: `Phiếu tự chấm 2025 - ${unit}.xlsx`,
  blob: new Blob([unit]),
});

/** Every download the page starts: its file name and what it hands over. */
function watchDownloads(): { names: string[]; blobs: Blob[]; restore(): void } {
  const names: string[] = [];
  const blobs: Blob[] = [];
  const url = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
  const saved = { create: url.createObjectURL, revoke: url.revokeObjectURL };
  url.createObjectURL = (b: Blob) => {
    blobs.push(b);
    return `blob:${blobs.length}`;
  };
  url.revokeObjectURL = () => undefined;
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    names.push(this.download);
  });
  return {
    names,
    blobs,
    restore() {
      click.mockRestore();
      url.createObjectURL = saved.create;
      url.revokeObjectURL = saved.revoke;
    },
  };
}

async function mount(files: TemplateFile[], lang: "vi" | "en" = "vi"): Promise<void> {
  const run = (work: () => Promise<void>): void => void work();
  render(
    <FluentProvider theme={webLightTheme}>
      <SendForms service={service(files)} lang={lang} busy={false} run={run} />
    </FluentProvider>
  );
  await screen.findByDisplayValue("2025");
  await act(async () => {
    fireEvent.click(screen.getByRole("checkbox"));
  });
}

describe("self-score forms in one download", () => {
  test("three members: one zip named Phieu-tu-cham-<cluster>-<year>.zip, the note naming every form", async () => {
    const dl = watchDownloads();
    try {
      const files = UNITS.map(form);
      await mount(files);
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: "Tải phiếu tự chấm (.xlsx)" }));
      });
      await screen.findByText(/Đã tạo 3 phiếu trong một tệp nén/);
      expect(dl.names).toEqual([
        "Phieu-tu-cham-Cum-thi-dua-cac-co-quan-tham-muu-tong-hop-2025.zip",
      ]);
      expect(dl.blobs[0].type).toBe("application/zip");
      expect(screen.getByText(/Phiếu tự chấm 2025 - Ban Dân tộc\.xlsx/)).toBeTruthy();

      // One form alone, for a unit that lost its copy.
      fireEvent.click(screen.getByRole("button", { name: "Tải riêng phiếu này: Sở Ngoại vụ" }));
      expect(dl.names[1]).toBe("Phiếu tự chấm 2025 - Sở Ngoại vụ.xlsx");
      expect(dl.blobs[1]).toBe(files[1].blob);
    } finally {
      dl.restore();
    }
  });

  test("one member: the form itself, no zip; English names the zip in English", async () => {
    const dl = watchDownloads();
    try {
      await mount([form("Sở Tư pháp")]);
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: "Tải phiếu tự chấm (.xlsx)" }));
      });
      await screen.findByText(/Đã tạo 1 phiếu/);
      expect(dl.names).toEqual(["Phiếu tự chấm 2025 - Sở Tư pháp.xlsx"]);
    } finally {
      dl.restore();
    }
    const en = watchDownloads();
    try {
      document.body.innerHTML = "";
      await mount(UNITS.map(form), "en");
      await act(async () => {
        fireEvent.click(
          screen.getByRole("button", { name: "Download the self-score forms (.xlsx)" })
        );
      });
      await waitFor(() =>
        expect(en.names).toEqual([
          "Self-score-forms-Cum-thi-dua-cac-co-quan-tham-muu-tong-hop-2025.zip",
        ])
      );
    } finally {
      en.restore();
    }
  });
});
