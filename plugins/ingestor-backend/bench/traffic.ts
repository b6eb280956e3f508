/**
 * Counts the HTTP requests this process makes and the bytes it receives, from Node's diagnostics
 * channels, so the figures include every request a library makes without wrapping it.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Socket } from 'node:net';

/** Requests started and bytes received since `start()`; `requested` are `host:port/path?query`, in order. */
export interface Traffic {
  requests: number;
  bytesReceived: number;
  requested: string[];
}

export class TrafficCounter {
  private requests = 0;
  private requested: string[] = [];
  // bytesRead of each socket when first used in this phase: keep-alive sockets carry earlier phases.
  private readonly baseline = new Map<Socket, number>();

  constructor() {
    subscribe('http.client.request.start', message => {
      const { request } = message as { request: ClientRequest };
      this.requests++;
      this.requested.push(`${String(request.getHeader('host'))}${request.path}`);
      const track = (socket: Socket) => {
        if (!this.baseline.has(socket)) this.baseline.set(socket, socket.bytesRead);
      };
      if (request.socket) track(request.socket);
      else request.once('socket', track);
    });
  }

  /** Starts a new phase: counts from zero. */
  start(): void {
    this.requests = 0;
    this.requested = [];
    this.baseline.clear();
  }

  read(): Traffic {
    let bytes = 0;
    for (const [socket, from] of this.baseline) bytes += socket.bytesRead - from;
    return { requests: this.requests, bytesReceived: bytes, requested: [...this.requested] };
  }
}
