import { createServer, connect, type Server, type Socket } from "node:net";
import { freePort } from "./free-port.ts";

/**
 * A TCP relay in front of a service (PostgreSQL) that a test can cut (connections reset, new ones
 * refused, as when the server is down) or stall (new connections accepted and never answered, as when
 * packets are lost on the way), and restore on the same port.
 */
export class TcpProxy {
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  private stalled = false;
  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(await freePort(), target);
    await proxy.restore();
    return proxy;
  }

  /** Listens again: new connections reach the service (connections held by a stall are dropped). */
  async restore(): Promise<void> {
    if (this.stalled) this.resetAll();
    this.stalled = false;
    if (this.server) return;
    const server = createServer((client) => {
      this.sockets.add(client);
      client.once("close", () => this.sockets.delete(client));
      client.on("error", () => client.destroy());
      if (this.stalled) return;
      const upstream = connect(this.target.port, this.target.host);
      this.sockets.add(upstream);
      upstream.once("close", () => this.sockets.delete(upstream));
      // A reset on one side closes the other; errors are the point of the exercise.
      for (const socket of [client, upstream]) {
        socket.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
  }

  /** Drops every open connection and refuses new ones until restore(). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.resetAll();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Resets every open connection; new ones are accepted but nothing reaches the service or comes back. */
  async stall(): Promise<void> {
    await this.restore();
    this.stalled = true;
    this.resetAll();
  }

  private resetAll(): void {
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    await this.cut();
  }
}
