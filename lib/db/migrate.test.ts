import { describe, expect, it } from "vitest";
import { splitStatements } from "./migrate";

describe("splitStatements", () => {
  it("splits on semicolons outside quotes, dollar quotes and comments", () => {
    const sql = `create table a (x text default 'a;b');
-- a comment; with a semicolon
create function f() returns int language sql as $$ select 1; $$;
create function g() returns int language plpgsql as $body$ begin return 2; end $body$;
/* block; comment */ select "odd;name" from a;`;
    expect(splitStatements(sql)).toEqual([
      "create table a (x text default 'a;b')",
      "-- a comment; with a semicolon\ncreate function f() returns int language sql as $$ select 1; $$",
      "create function g() returns int language plpgsql as $body$ begin return 2; end $body$",
      '/* block; comment */ select "odd;name" from a',
    ]);
  });

  it("keeps a final statement without a semicolon and drops comment-only tails", () => {
    expect(splitStatements("select 1;\nselect 2")).toEqual(["select 1", "select 2"]);
    expect(splitStatements("select 1;\n-- the end\n")).toEqual(["select 1"]);
  });

  it("handles doubled quotes inside strings", () => {
    expect(splitStatements("select 'it''s; fine'; select 2;")).toEqual([
      "select 'it''s; fine'",
      "select 2",
    ]);
  });
});
