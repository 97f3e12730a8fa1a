import { describe, expect, it } from "vitest";
import {
  CSV_BOM,
  POST_CSV_COLUMNS,
  csvField,
  localStamp,
  postCsvRows,
  postsCsv,
  postsCsvFileName,
  toCsv,
  type PostCsvSource,
} from "./csv";

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    [null, ""],
    [undefined, ""],
    [42, "42"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ["line\nbreak", '"line\nbreak"'],
    ["cr\rhere", '"cr\rhere"'],
    ["crlf\r\nhere", '"crlf\r\nhere"'],
    ["Grüße 👋", "Grüße 👋"],
  ])("%j → %j", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tindent", "'\tindent"],
    // A leading CR is neutralized, and the CR still makes the field quoted.
    ["\r=1", '"\'\r=1"'],
    // Neutralized and quoted when it also holds a comma or a quote.
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])("neutralizes a formula: %j → %j", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("leaves formula characters alone when they are not first", () => {
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField(" =1")).toBe(" =1");
    expect(csvField("2026-03-29T08:00:00.000Z")).toBe("2026-03-29T08:00:00.000Z");
  });
});

describe("toCsv", () => {
  it("starts with a BOM and ends every record with CRLF", () => {
    const text = toCsv([
      ["a", "b"],
      ["1", "x,y"],
    ]);
    expect(text).toBe(`${CSV_BOM}a,b\r\n1,"x,y"\r\n`);
    expect(text.charCodeAt(0)).toBe(0xfeff);
  });

  it("can leave out the BOM", () => {
    expect(toCsv([["a"]], { bom: false })).toBe("a\r\n");
  });

  it("keeps line breaks inside a quoted field (one record, not two)", () => {
    const text = toCsv(
      [
        ["id", "text"],
        ["1", "first\r\nsecond"],
      ],
      { bom: false },
    );
    expect(text).toBe('id,text\r\n1,"first\r\nsecond"\r\n');
  });
});

const post = (over: Partial<PostCsvSource> = {}): PostCsvSource => ({
  id: "0b8f7e0e-8a3b-4f57-9a57-0a1c2f3e4d5a",
  title: "Launch",
  status: "scheduled",
  scheduledAt: "2026-03-29T08:00:00+00:00",
  networks: ["linkedin", "x"],
  campaignName: "Spring",
  authorName: "Cleo Creator",
  onBehalfOfName: "Emma Employee",
  text: "Hello, world",
  createdAt: "2026-03-20T12:00:00.123456+00:00",
  updatedAt: "2026-03-21T09:30:00+00:00",
  ...over,
});

describe("postCsvRows", () => {
  it("has the columns in order and one record per post", () => {
    const rows = postCsvRows([post()], "Europe/Berlin");
    expect(rows[0]).toEqual([...POST_CSV_COLUMNS]);
    expect(rows[1]).toEqual([
      "0b8f7e0e-8a3b-4f57-9a57-0a1c2f3e4d5a",
      "Launch",
      "scheduled",
      "2026-03-29T08:00:00.000Z",
      // The day the clocks go forward in Berlin: 08:00 UTC is 10:00 CEST.
      "2026-03-29 10:00",
      "Europe/Berlin",
      "linkedin;x",
      "Spring",
      "Cleo Creator",
      "Emma Employee",
      "Hello, world",
      "2026-03-20T12:00:00.123Z",
      "2026-03-21T09:30:00.000Z",
    ]);
  });

  it("leaves empty cells for what a draft does not have", () => {
    const [, row] = postCsvRows(
      [
        post({
          title: null,
          status: "draft",
          scheduledAt: null,
          networks: [],
          campaignName: null,
          onBehalfOfName: null,
        }),
      ],
      "America/New_York",
    );
    expect(row!.slice(1, 10)).toEqual([
      "",
      "draft",
      "",
      "",
      "America/New_York",
      "",
      "",
      "Cleo Creator",
      "",
    ]);
  });
});

describe("postsCsv", () => {
  it("escapes and neutralizes post fields", () => {
    const text = postsCsv(
      [post({ title: '=cmd|"/c calc"', text: 'Line one\nSay "yes", please' })],
      "UTC",
    );
    expect(text.startsWith(CSV_BOM + "id,title,status,")).toBe(true);
    const record = text.split("\r\n")[1]!;
    expect(record).toContain(`,"'=cmd|""/c calc""",scheduled,`);
    expect(text).toContain(`,"Line one\nSay ""yes"", please",`);
    expect(text.endsWith("\r\n")).toBe(true);
  });
});

describe("localStamp and file name", () => {
  it("formats on the org's wall clock", () => {
    expect(localStamp("2026-07-01T23:30:00Z", "America/New_York")).toBe("2026-07-01 19:30");
    expect(localStamp("2026-07-01T23:30:00Z", "Asia/Tokyo")).toBe("2026-07-02 08:30");
    expect(localStamp(null, "UTC")).toBe("");
  });

  it("names the file after the org and the local date", () => {
    const now = new Date("2026-07-01T23:30:00Z");
    expect(postsCsvFileName("acme", now, "Asia/Tokyo")).toBe("acme-posts-2026-07-02.csv");
    expect(postsCsvFileName("acme", now, "America/New_York")).toBe("acme-posts-2026-07-01.csv");
    expect(postsCsvFileName('a"b', now, "UTC")).toBe("ab-posts-2026-07-01.csv");
  });
});
