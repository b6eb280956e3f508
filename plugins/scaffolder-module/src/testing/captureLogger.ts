import { LoggerService } from '@backstage/backend-plugin-api';

/** A logger that keeps every line (message and metadata) so tests can search what was logged. */
export function captureLogger(): LoggerService & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, meta?: unknown) => {
    lines.push(
      `${level} ${message} ${meta === undefined ? '' : JSON.stringify(meta, Object.getOwnPropertyNames(meta as object))}`,
    );
  };
  const logger = {
    lines,
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    child: () => logger,
  };
  return logger;
}
