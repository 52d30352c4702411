import { createHash } from 'node:crypto';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AppChart } from '../app-chart.js';
import { PropChecker } from '../prop-checker.js';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
/** ConfigMaps hold at most 1 MiB; configuration is small, secrets go to SealedSecrets. */
const MAX_BYTES = 1024 * 1024;

export interface AppConfigProps {
  /** The ConfigMap's name, a DNS-1123 label. @default `<app>-config` (the enclosing AppChart's app) */
  readonly name?: string;
  /** The namespace. @default the app's */
  readonly namespace?: string;
  /** Keys and values. The environment's `config[<app>]` overrides them key by key. */
  readonly data: Readonly<Record<string, string>>;
}

/**
 * An app's configuration: one ConfigMap. A workload given it (`config: { from }`) reads it as
 * environment or files, and its pod template carries the content's hash, so a change of value
 * rolls the pods (a ConfigMap change alone restarts nothing).
 */
export class AppConfig extends Construct {
  readonly name: string;
  readonly data: Readonly<Record<string, string>>;
  /** sha256 of the content, for the pod templates of its readers. */
  readonly hash: string;

  constructor(scope: Construct, id: string, props: AppConfigProps) {
    super(scope, id);
    const chart = AppChart.enclosing(this);
    const app = chart?.app;
    this.name = props.name ?? (app ? `${app}-config` : '');
    const check = new PropChecker(`AppConfig '${this.name || id}'`);
    if (!this.name) check.fail('name', props.name, 'is required outside an AppChart');
    check.dnsLabel('name', this.name);
    const namespace = props.namespace ?? app ?? this.name;
    check.dnsLabel('namespace', namespace);
    const overrides: Readonly<Record<string, string>> =
      (app && chart?.environment.config?.[app]) || {};
    const data: Record<string, string> = Object.fromEntries(
      Object.entries({ ...props.data, ...overrides }).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
    if (Object.keys(data).length === 0) check.fail('data', {}, 'is empty');
    for (const key of Object.keys(data)) {
      if (!CONFIG_KEY.test(key))
        check.fail(
          `data.${key}`,
          data[key],
          "has a key that is not letters, digits, '-', '_' or '.'",
        );
    }
    const json = JSON.stringify(data);
    if (Buffer.byteLength(json) > MAX_BYTES)
      check.fail('data', `${Buffer.byteLength(json)} bytes`, 'is above 1 MiB');
    this.data = data;
    this.hash = createHash('sha256').update(json).digest('hex');
    new k8s.KubeConfigMap(this, 'config-map', {
      metadata: {
        name: this.name,
        namespace,
        labels: {
          'app.kubernetes.io/name': this.name,
          'app.kubernetes.io/part-of': app ?? this.name,
          'app.kubernetes.io/managed-by': 'cdk8s',
        },
      },
      data,
    });
  }

  keys(): string[] {
    return Object.keys(this.data);
  }
}
