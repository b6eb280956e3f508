import { errorMessage } from '@kube-platform/plugin-kubernetes-node';
import type { LoggerService, SchedulerService, SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';

/**
 * Schedules `<provider>:refresh`. The task catches and logs its own failure, so one bad run never
 * stops the schedule, and passes the scheduler's AbortSignal down.
 */
export function scheduleRefresh(
  scheduler: SchedulerService,
  providerName: string,
  schedule: SchedulerServiceTaskScheduleDefinition,
  refresh: (signal?: AbortSignal) => Promise<unknown>,
  logger: LoggerService,
  what: string,
): Promise<void> {
  return scheduler.scheduleTask({
    id: `${providerName}:refresh`,
    ...schedule,
    fn: async (signal?: AbortSignal) => {
      try {
        await refresh(signal);
      } catch (error) {
        logger.error(`${what} failed: ${errorMessage(error)}`);
      }
    },
  });
}

/** Logs each distinct warning once per process: every cycle meets the same broken objects again. */
export function warnOnceWith(logger: LoggerService): (message: string) => void {
  const seen = new Set<string>();
  return message => {
    if (seen.has(message)) return;
    seen.add(message);
    logger.warn(message);
  };
}
