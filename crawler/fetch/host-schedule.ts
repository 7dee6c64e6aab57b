import PQueue from 'p-queue';
import { linkSignals, sleep } from './abort.ts';

/**
 * Politeness: one queue per host (a few requests in flight at most; each start waits the host's delay after the
 * previous start and after the previous end) under a global cap. Government servers are small and block bursts;
 * a crawl that hammers one gets 403s, not data.
 */
export interface ScheduleOptions {
  perHostConcurrency: number;
  globalConcurrency: number;
  defaultDelayMs: number;
}

interface HostState {
  queue: PQueue;
  delayMs: number;
  /** performance.now() of the last request start; -Infinity before the first. */
  lastStartAt: number;
  /** performance.now() of the last request end. Counting the delay from the end as well keeps the server-side gap
   *  at least the delay even when a request spends part of its slot connecting (a cold first request). */
  lastEndAt: number;
  /** No start before this (Retry-After). */
  pausedUntil: number;
}

const NOT_YET = Symbol('not-yet');

export class HostSchedule {
  private readonly global: PQueue;
  private readonly hosts = new Map<string, HostState>();
  /** Per-host politeness set by the sites that use the host; the stricter setting wins. */
  private readonly limits = new Map<string, { perHostConcurrency: number; delayMs: number }>();

  constructor(private readonly o: ScheduleOptions) {
    this.global = new PQueue({ concurrency: o.globalConcurrency });
  }

  /**
   * Runs `task` when the host's turn comes: a free host slot, the delay since the last start, a global slot.
   * `signal` removes a request that is still waiting; a running task is left to end itself (it gets the same signal),
   * so the slot it holds is not handed on while its connection is still open.
   */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const state = this.state(host);
    const hostWait = linkSignals(signal);
    return state.queue.add(
      async () => {
        hostWait.dispose();
        for (;;) {
          await sleep(this.earliestStart(state) - performance.now(), signal);
          // Holding a host slot while waiting for a global one is safe: global tasks never wait on a host.
          const globalWait = linkSignals(signal);
          const outcome = await this.global.add(
            async () => {
              globalWait.dispose();
              // Re-checked here, synchronously with marking the start: another request to this host (perHostConcurrency > 1)
              // or a Retry-After pause may have come in while this one waited for its global slot.
              if (performance.now() < this.earliestStart(state)) return NOT_YET;
              state.lastStartAt = performance.now();
              try {
                return { value: await task() };
              } finally {
                state.lastEndAt = performance.now();
              }
            },
            { signal: globalWait.signal },
          );
          if (outcome !== NOT_YET) return outcome.value;
        }
      },
      { signal: hostWait.signal },
    );
  }

  /**
   * One site's politeness for one of its hosts. Two sites sharing a host get the stricter of their settings
   * (fewer in flight, longer gap): the server sees one crawler, whichever site asked.
   */
  limitHost(host: string, limit: { perHostConcurrency: number; delayMs: number }): void {
    const key = host.toLowerCase();
    const had = this.limits.get(key);
    const next = had
      ? { perHostConcurrency: Math.min(had.perHostConcurrency, limit.perHostConcurrency), delayMs: Math.max(had.delayMs, limit.delayMs) }
      : { ...limit };
    this.limits.set(key, next);
    const state = this.hosts.get(key);
    if (state) {
      state.queue.concurrency = Math.min(state.queue.concurrency, next.perHostConcurrency);
      state.delayMs = Math.max(state.delayMs, next.delayMs);
    }
  }

  /** Crawl-delay: raises the host's delay, never lowers it. */
  raiseDelay(host: string, ms: number): void {
    const state = this.state(host);
    state.delayMs = Math.max(state.delayMs, ms);
  }

  /** Retry-After: nothing starts on this host for `ms`. */
  pause(host: string, ms: number): void {
    const state = this.state(host);
    state.pausedUntil = Math.max(state.pausedUntil, performance.now() + ms);
  }

  /** Resolves when every queued and running request has finished. */
  async idle(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((h) => h.queue.onIdle()));
    await this.global.onIdle();
  }

  private earliestStart(state: HostState): number {
    return Math.max(state.lastStartAt + state.delayMs, state.lastEndAt + state.delayMs, state.pausedUntil);
  }

  private state(host: string): HostState {
    const key = host.toLowerCase();
    let state = this.hosts.get(key);
    if (!state) {
      const limit = this.limits.get(key);
      state = { queue: new PQueue({ concurrency: limit?.perHostConcurrency ?? this.o.perHostConcurrency }), delayMs: limit?.delayMs ?? this.o.defaultDelayMs, lastStartAt: -Infinity, lastEndAt: -Infinity, pausedUntil: -Infinity };
      this.hosts.set(key, state);
    }
    return state;
  }
}
