import { Histogram, Registry, collectDefaultMetrics, type LabelValues } from 'prom-client';

type Labels = 'method' | 'route' | 'status_code';

/**
 * Prometheus metrics on a registry of the service's own (not prom-client's
 * global one, so tests and apps never share state): the default process
 * metrics, and a request-duration histogram by method, route template and status.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #duration: Histogram<Labels>;
  /** One histogram child per label combination, by route, then method and status: no string built per request. */
  readonly #children = new Map<
    string,
    Map<string, Map<number, ReturnType<Histogram<Labels>['labels']>>>
  >();

  constructor(defaultLabels: Readonly<Record<string, string>> = {}) {
    this.registry.setDefaultLabels({ ...defaultLabels });
    collectDefaultMetrics({ register: this.registry });
    this.#duration = new Histogram<Labels>({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route template and status code.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** Records one request. `route` is the route template (`/api/hello`), never the raw path. */
  observeRequest(method: string, route: string, statusCode: number, seconds: number): void {
    let byMethod = this.#children.get(route);
    if (!byMethod) this.#children.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let child = byStatus.get(statusCode);
    if (!child) {
      const labels: LabelValues<Labels> = { method, route, status_code: statusCode };
      byStatus.set(statusCode, (child = this.#duration.labels(labels)));
    }
    child.observe(seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
