/** A start-up failure the operator can fix; its message is one line that names the cause and the fix. */
export class StartupError extends Error {
  override name = "StartupError";
}

/** Why the HTTP port could not be opened, and what to do about it. */
export function portError(error: unknown, port: number): StartupError {
  const code = (error as { code?: string }).code;
  if (code === "EADDRINUSE") {
    return new StartupError(`PORT ${port} is in use: give each process its own PORT (a worker needs none unless its health endpoint is wanted)`);
  }
  if (code === "EACCES") return new StartupError(`PORT ${port} needs more privileges than this process has: use a PORT above 1023`);
  return new StartupError(`PORT ${port} cannot be opened (${code ?? (error as Error).message}): choose another PORT`);
}
