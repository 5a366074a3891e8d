import { describe, expect, it } from 'vitest';
import type { BackendMessage } from '../../../electron/backend-protocol';
import { hostBackend, type UtilityProcessLike } from '../../../electron/backend-host';

/** A fake utilityProcess that answers listPipelines with its own name, or stays silent. */
function fakeProcess(name: string, log: string[], answer = true) {
  const handlers: { message?: (m: unknown) => void; exit?: (code: number) => void } = {};
  const proc = {
    posted: [] as BackendMessage[],
    killed: false,
    postMessage(message: BackendMessage) {
      proc.posted.push(message);
      if (message.kind === 'call' && answer) queueMicrotask(() => handlers.message?.({ kind: 'reply', id: message.id, reply: { ok: true, result: [{ id: name }] } }));
    },
    on(event: 'message' | 'exit', listener: (value: never) => void) {
      handlers[event] = listener as never;
      // Like the real process: says it is ready once it listens, a little later.
      if (event === 'message') setTimeout(() => handlers.message?.({ kind: 'ready' }), 5);
    },
    kill() {
      proc.killed = true;
      return true;
    },
    exit: (code: number) => handlers.exit?.(code),
  };
  log.push(name);
  return proc;
}

describe('backend utilityProcess host', () => {
  it('sends calls to the process and hands it the secrets on start', async () => {
    const log: string[] = [];
    const procs: ReturnType<typeof fakeProcess>[] = [];
    const host = hostBackend(() => (procs.push(fakeProcess(`p${procs.length}`, log)), procs.at(-1)! as unknown as UtilityProcessLike), () => ({ TOKEN: 'x' }));
    const answer = host.backend.listPipelines();
    // Nothing reaches the process before it is ready; then everything does, in order.
    expect(procs[0].posted).toEqual([]);
    expect(await answer).toEqual([{ id: 'p0' }]);
    expect(procs[0].posted.map((m) => m.kind)).toEqual(['secrets', 'call']);
    expect(procs[0].posted[0]).toEqual({ kind: 'secrets', values: { TOKEN: 'x' } });
  });

  it('when the process dies: pending calls fail typed, a new process takes over with the secrets', async () => {
    const log: string[] = [];
    const procs: ReturnType<typeof fakeProcess>[] = [];
    const host = hostBackend(() => (procs.push(fakeProcess(`p${procs.length}`, log, procs.length > 0)), procs.at(-1)! as unknown as UtilityProcessLike), () => ({ TOKEN: 'y' }));
    const waiting = host.backend.listPipelines();
    procs[0].exit(9);
    await expect(waiting).rejects.toMatchObject({ code: 'E_INTERNAL_001', message: expect.stringContaining('exit code 9') });
    expect(await host.backend.listPipelines()).toEqual([{ id: 'p1' }]);
    expect(procs[1].posted[0]).toEqual({ kind: 'secrets', values: { TOKEN: 'y' } });
  });

  it('restarts on another folder, killing the old process; stops for good on quit', async () => {
    const log: string[] = [];
    const host = hostBackend(() => fakeProcess('first', log) as unknown as UtilityProcessLike, () => ({}));
    let second: ReturnType<typeof fakeProcess> | undefined;
    host.restart(() => (second = fakeProcess('second', log)) as unknown as UtilityProcessLike);
    expect(await host.backend.listPipelines()).toEqual([{ id: 'second' }]);
    host.stop();
    expect(second!.killed).toBe(true);
    second!.exit(0);
    expect(log).toEqual(['first', 'second']);
  });
});
