// The calendar's markup as the server renders it: where posts land (org zone, DST), the hooks the
// end-to-end test relies on, and which chips can be dragged. Run under TZ=Pacific/Auckland too: the
// process's zone must change nothing.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { CalendarPost } from "@/components/calendar/types";
import type { CalendarView } from "@/lib/calendar/grid";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock("@/lib/posts/calendar-actions", () => ({ reschedulePostAction: vi.fn() }));

const { CalendarBoard } = await import("@/components/calendar/calendar-board");

const post = (p: Partial<CalendarPost> & Pick<CalendarPost, "id" | "scheduledAt">) =>
  ({ title: null, excerpt: "Text", status: "scheduled", revision: 1, ...p }) as CalendarPost;

const posts: CalendarPost[] = [
  // 09:00 in Berlin on both sides of the spring-forward (2026-03-29).
  post({ id: "p-sat", scheduledAt: "2026-03-28T08:00:00.000Z", title: "Saturday" }),
  post({ id: "p-sun", scheduledAt: "2026-03-29T07:00:00.000Z", status: "draft", title: "Sunday" }),
  // 00:30 in Berlin on the 24th is still the 23rd in UTC.
  post({ id: "p-early", scheduledAt: "2026-03-23T23:30:00.000Z", excerpt: "First line\nsecond" }),
  // Four on one day: three shown, "+1 more".
  ...[8, 10, 12, 14].map((h) =>
    post({ id: `p-25-${h}`, scheduledAt: `2026-03-25T${String(h).padStart(2, "0")}:00:00.000Z` }),
  ),
];

function render(view: CalendarView, date: string, canSchedule = true) {
  return renderToStaticMarkup(
    createElement(CalendarBoard, {
      org: "acme",
      timeZone: "Europe/Berlin",
      view,
      date,
      today: "2026-03-20",
      posts,
      canSchedule,
      helpId: "calendar-help",
    }),
  );
}

/** Like toContain / toMatch, but a failure names what was missing, not the whole page. */
const expectIn = (html: string, needle: string) =>
  expect(html.includes(needle), `contains ${needle}`).toBe(true);
const expectMatch = (html: string, re: RegExp) => expect(re.test(html), `matches ${re}`).toBe(true);

const count = (html: string, needle: string) => html.split(needle).length - 1;

/** The markup of the element that starts with `start`, up to the next element starting with `next`. */
function section(html: string, start: string, next: string): string {
  const from = html.indexOf(start);
  expect(from, start).toBeGreaterThanOrEqual(0);
  const to = html.indexOf(next, from + start.length);
  return html.slice(from, to === -1 ? undefined : to);
}

const chip = (html: string, id: string) => {
  const m = new RegExp(`<a [^>]*data-post-id="${id}"[^>]*>`).exec(html);
  expect(m, id).not.toBeNull();
  return m![0];
};

describe("month view", () => {
  const html = render("month", "2026-03-17");

  it("has a cell per day, Monday first, today marked", () => {
    expect(count(html, 'data-testid="calendar-day"')).toBe(42);
    expect(html.indexOf('data-date="2026-02-23"')).toBeLessThan(
      html.indexOf('data-date="2026-03-01"'),
    );
    expectMatch(html, /aria-current="date" data-testid="calendar-day" data-date="2026-03-20"/);
    expectMatch(html, /data-date="2026-04-05" data-outside-month="true"/);
    expectIn(html, 'data-testid="calendar-status"');
  });

  it("places posts on their local day with their local time", () => {
    expect(chip(html, "p-early")).toContain('data-local-date="2026-03-24"');
    expect(chip(html, "p-early")).toContain('data-local-time="00:30"');
    expect(chip(html, "p-sat")).toContain('data-local-time="09:00"');
    expect(chip(html, "p-sun")).toContain('data-local-date="2026-03-29"');
    expect(chip(html, "p-sun")).toContain('data-local-time="09:00"');
    const sunday = section(html, 'data-date="2026-03-29"', 'data-testid="calendar-day"');
    expect(sunday).toContain('data-post-id="p-sun"');
    expectIn(html, ">First line<");
  });

  it("shows three posts a day and +N more", () => {
    const wed = section(html, 'data-date="2026-03-25"', 'data-testid="calendar-day"');
    expect(count(wed, 'data-testid="calendar-chip"')).toBe(3);
    expect(wed).toContain("+1 more");
    expect(wed).toContain('aria-label="1 more post on Wednesday 25 March"');
  });

  it("lets only scheduled posts be dragged, by roles that may schedule", () => {
    expect(chip(html, "p-sat")).toContain('draggable="true"');
    expect(chip(html, "p-sat")).toContain('aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight');
    expect(chip(html, "p-sun")).toContain('draggable="false"');
    expect(chip(html, "p-sun")).not.toContain("aria-keyshortcuts");
    expect(chip(html, "p-sat")).toContain('href="/acme/posts/p-sat"');
    const viewerHtml = render("month", "2026-03-17", false);
    expect(chip(viewerHtml, "p-sat")).toContain('draggable="false"');
  });
});

describe("week view", () => {
  const html = render("week", "2026-03-29");

  it("has seven day columns of 24 hour rows", () => {
    expect(count(html, 'data-testid="calendar-day"')).toBe(7);
    expect(count(html, 'data-testid="calendar-hour"')).toBe(7 * 24);
    expectIn(html, 'data-testid="calendar-day" data-date="2026-03-23"');
    expectIn(html, 'data-testid="calendar-day" data-date="2026-03-29"');
  });

  it("puts a 09:00 post in the 09 row on both sides of the DST change", () => {
    const next = 'data-testid="calendar-hour"';
    const sat9 = section(html, `${next} data-date="2026-03-28" data-hour="09"`, next);
    expect(sat9).toContain('data-post-id="p-sat"');
    const sun9 = section(html, `${next} data-date="2026-03-29" data-hour="09"`, next);
    expect(sun9).toContain('data-post-id="p-sun"');
    const mon0 = section(html, `${next} data-date="2026-03-24" data-hour="00"`, next);
    expect(mon0).toContain('data-post-id="p-early"');
  });

  it("marks the hour the clocks skip", () => {
    expectIn(
      html,
      'data-testid="calendar-hour" data-date="2026-03-29" data-hour="02" data-hour-kind="skipped"',
    );
    expect(count(html, "data-hour-kind=")).toBe(1);
    expectIn(html, ">23 h<");
  });
});
