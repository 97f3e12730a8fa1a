import { describe, expect, it } from "vitest";
import { isPrivateHost, providerUrlProblem } from "@/lib/ai/provider-url";

describe("an org's provider address", () => {
  it("refuses private, loopback and link-local hosts in production", () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data",
      "http://127.0.0.1:11434/v1",
      "http://localhost:11434/v1",
      "https://10.0.0.5/v1",
      "https://192.168.1.2/v1",
      "https://172.20.0.1/v1",
      "http://[::1]:8080/v1",
      "http://[fd00::1]/v1",
      "http://metadata.internal/v1",
    ])
      expect(providerUrlProblem(url, false), url).toMatch(/private network/);
  });
  it("accepts public hosts, and private ones where the deployment allows them", () => {
    expect(providerUrlProblem("https://api.openai.com/v1", false)).toBeNull();
    expect(providerUrlProblem("https://my-azure.openai.azure.com", false)).toBeNull();
    expect(providerUrlProblem("http://127.0.0.1:11434/v1", true)).toBeNull();
    expect(isPrivateHost("172.32.0.1")).toBe(false);
  });
  it("refuses other schemes and credentials in the address", () => {
    expect(providerUrlProblem("ftp://example.com", false)).toMatch(/https/);
    expect(providerUrlProblem("https://user:pw@example.com/v1", false)).toMatch(/key field/);
    expect(providerUrlProblem("not a url", false)).toMatch(/full address/);
  });
});
