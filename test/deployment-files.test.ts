// The Docker files: secrets only from .env, the public port on this host only, the current Node LTS.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfig } from "../src/config.ts";
import { ROOT } from "./support/spawn-app.ts";

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

/** Compose's interpolation for the forms this file uses: ${VAR}, ${VAR:-default}, ${VAR:?message}. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{([A-Z_][A-Z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g, (_all, name: string, op: string | undefined, arg: string | undefined) => {
    const value = env[name];
    if (value) return value;
    if (op === ":?") throw new Error(`required variable ${name} is missing a value: ${arg}`);
    return op === ":-" ? (arg ?? "") : "";
  });
}

/** Variables named in .env.example, set or commented out. */
function exampleVariables(): Set<string> {
  return new Set([...read(".env.example").matchAll(/^#?\s?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
}

describe("compose.yaml", () => {
  const text = read("compose.yaml");
  const env = { BOT_TOKEN: "123456:ABC-def_ghi", POSTGRES_PASSWORD: "a1b2c3d4e5f6" };

  it("holds no password: PostgreSQL and the apps take it from .env, and compose stops when it is missing", () => {
    const compose = parse(interpolate(text, env));
    expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toBe("a1b2c3d4e5f6");
    const app = compose["x-app"];
    expect(app.env_file).toBe(".env");
    const config = parseConfig({ ...app.environment, REDIS_PREFIX: "tong-hop" });
    expect(new URL(config.DATABASE_URL!).password).toBe("a1b2c3d4e5f6");
    expect(config.BOT_TOKEN).toBe(env.BOT_TOKEN);
    expect(() => interpolate(text, { BOT_TOKEN: env.BOT_TOKEN })).toThrow(/POSTGRES_PASSWORD is missing a value: set POSTGRES_PASSWORD in \.env/);
    expect(() => interpolate(text, { POSTGRES_PASSWORD: env.POSTGRES_PASSWORD })).toThrow(/BOT_TOKEN is missing a value: set BOT_TOKEN in \.env/);
    // No literal password anywhere in the file.
    expect(text).not.toMatch(/^\s*POSTGRES_PASSWORD:\s*[^$\s]/m);
    expect(text).not.toMatch(/postgres(?:ql)?:\/\/[^:\s]+:[^$@\s]+@/);
  });

  it("names in .env.example every variable it reads", () => {
    const used = new Set([...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!));
    const listed = exampleVariables();
    expect([...used].filter((name) => !listed.has(name))).toEqual([]);
    // The required ones stand uncommented, waiting for a value.
    expect(read(".env.example")).toMatch(/^BOT_TOKEN=$/m);
    expect(read(".env.example")).toMatch(/^POSTGRES_PASSWORD=$/m);
  });

  it("publishes the bot's port on this host only; the worker publishes none", () => {
    const compose = parse(interpolate(text, env));
    expect(compose.services.bot.ports).toEqual(["127.0.0.1:3000:3000"]);
    expect(compose.services.worker.ports).toBeUndefined();
    expect(parse(interpolate(text, { ...env, PORT: "8080" })).services.bot.ports).toEqual(["127.0.0.1:8080:8080"]);
  });
});

describe("Node versions", () => {
  it("the image runs on Node 24, the current LTS", () => {
    const images = [...read("Dockerfile").matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^node:24-/);
  });

  it("package.json asks for Node 22 or later, and the README says which versions are supported", () => {
    expect(JSON.parse(read("package.json")).engines.node).toBe(">=22");
    expect(read("README.md")).toMatch(/Node\.js 22 and 24 are supported \(the production image runs 24\), and `engines` in `package.json` asks for 22/);
  });

  it("every configuration variable the code reads is in .env.example and the README's table", () => {
    const configSource = read("src/config.ts");
    const variables = [...configSource.matchAll(/^ {4}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!);
    expect(variables).toContain("REDIS_PREFIX");
    const listed = exampleVariables();
    const readme = read("README.md");
    for (const name of variables) {
      expect(listed.has(name), `${name} in .env.example`).toBe(true);
      expect(readme, `${name} in README`).toContain(`\`${name}\``);
    }
  });
});
